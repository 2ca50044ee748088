/**
 * The scheduled maintenance's long reads, on a worker thread with its own read-only connection: the
 * full integrity_check (2–3 s on a 100k-people database of ≈ 430 MB) and the daily backup's
 * `VACUUM INTO` (≈ 5 s). Run on the core's thread, every call from the window waited that long, and
 * both may run a minute after start. A read-only connection reads what is on disk, sees the last
 * committed state beside an open writer (WAL), and cannot write to the database.
 */
import { Worker } from 'node:worker_threads'
import { isCorruptionError } from './errors'
import type { CheckKind } from './health'
import { sqliteDriverForWorkers } from './sqlite-worker-driver'

type Job = { op: 'check'; kind: CheckKind } | { op: 'vacuum-into'; target: string }
type Reply = { ok: true; report: string } | { ok: false; code: string | null; message: string }

// CommonJS run by the worker (eval: no file to bundle). A check reports like runHealthCheck: 'ok'
// or the lines of the check.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { driver, file, job } = workerData
let db
try {
  const Database = require(driver)
  db = new Database(file, { readonly: true, fileMustExist: true })
  let report = 'ok'
  if (job.op === 'vacuum-into') db.prepare('VACUUM INTO ?').run(job.target)
  else {
    const rows = db.pragma(job.kind === 'quick' ? 'quick_check' : 'integrity_check')
    const lines = rows.map((r) => String(Object.values(r)[0]))
    report = lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('\\n')
  }
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

/** Runs `job` on a worker; a SQLite error comes back as an Error carrying its code. */
function runInWorker(file: string, job: Job, driver: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let settled = false
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, job } })
    worker.once('message', (reply: Reply) => {
      settled = true
      resolve(reply)
    })
    worker.once('error', (e) => {
      settled = true
      reject(e)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The database worker stopped (exit code ${code}).`))
    })
  })
}

const sqliteError = (r: { code: string | null; message: string }) =>
  Object.assign(new Error(r.message), { code: r.code ?? undefined })

/**
 * Like checkDatabaseFile, off the calling thread: 'ok', or the report (SQLite errors that mean
 * damage become the report); any other failure (the file cannot be opened) rejects.
 */
export async function checkDatabaseFileInWorker(
  file: string,
  kind: CheckKind,
  driver: string = sqliteDriverForWorkers()
): Promise<string> {
  const reply = await runInWorker(file, { op: 'check', kind }, driver)
  if (reply.ok) return reply.report
  const error = sqliteError(reply)
  if (isCorruptionError(error)) return reply.message
  throw error
}

/** `VACUUM INTO target` of `file`, off the calling thread (backupDatabaseWith). */
export async function vacuumIntoInWorker(
  file: string,
  target: string,
  driver: string = sqliteDriverForWorkers()
): Promise<void> {
  const reply = await runInWorker(file, { op: 'vacuum-into', target }, driver)
  if (!reply.ok) throw sqliteError(reply)
}
