/**
 * The scheduled full integrity_check, on a worker thread. On a 100k-people database (≈ 430 MB) it
 * takes 2–3 s; run on the core's thread (as checkDatabaseFile does), every call from the window
 * waited that long, for a check that may run a minute after start. The worker opens its own
 * read-only connection, as checkDatabaseFile does: it reads what is on disk and cannot write.
 */
import { Worker } from 'node:worker_threads'
import type { CheckKind } from './health'
import { sqliteDriverForWorkers } from './sqlite-worker-driver'

type Reply = { ok: true; report: string } | { ok: false; code: string | null; message: string }

// CommonJS run by the worker (eval: no file to bundle). Same report as runHealthCheck: 'ok' or the
// lines of the check.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
let db
try {
  const Database = require(workerData.driver)
  db = new Database(workerData.file, { readonly: true, fileMustExist: true })
  const rows = db.pragma(workerData.kind === 'quick' ? 'quick_check' : 'integrity_check')
  const lines = rows.map((r) => String(Object.values(r)[0]))
  const report = lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('\\n')
  parentPort.postMessage({ ok: true, report })
} catch (e) {
  parentPort.postMessage({
    ok: false,
    code: e && typeof e.code === 'string' ? e.code : null,
    message: e && e.message ? e.message : String(e)
  })
} finally {
  if (db) db.close()
}
`

const isCorruptionCode = (code: string | null) =>
  code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')

/**
 * Like checkDatabaseFile, off the calling thread: 'ok', or the report (SQLite errors that mean
 * damage become the report); any other failure (the file cannot be opened) rejects.
 */
export function checkDatabaseFileInWorker(
  file: string,
  kind: CheckKind,
  driver: string = sqliteDriverForWorkers()
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, kind, driver } })
    worker.once('message', (reply: Reply) => {
      settled = true
      if (reply.ok) resolve(reply.report)
      else if (isCorruptionCode(reply.code)) resolve(reply.message)
      else reject(Object.assign(new Error(reply.message), { code: reply.code }))
    })
    worker.once('error', (e) => {
      settled = true
      reject(e)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The integrity check worker stopped (exit code ${code}).`))
    })
  })
}
