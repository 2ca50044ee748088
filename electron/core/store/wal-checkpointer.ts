/**
 * Checkpoints the WAL on a second thread while a sync writes (docs/benchmarks.md, round 5).
 *
 * Past `wal_autocheckpoint` pages, every commit of a big sync first appended its pages to the WAL and
 * then copied them into the database file and fsynced it, all on the core's only thread: measured on
 * the 100k write floor, that copy was half of the commit time (4.5 s of 8 s). A worker thread with its
 * own connection does the copy instead, in parallel, with PASSIVE checkpoints (they never wait for,
 * or block, the writer or readers); the writer's own autocheckpoint is raised to a safety limit
 * meanwhile, so the WAL stays bounded if the worker falls behind.
 *
 * The worker starts on the first nudge that finds the WAL past the writer's own autocheckpoint
 * size (before that, the writer would not checkpoint either), so small syncs never pay for a thread.
 * If the worker cannot start or fails, the writer's autocheckpoint comes back at once and it
 * checkpoints as before: slower, never less safe. SQLite keeps checkpoints crash-safe by itself.
 */
import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { Logger } from '../log/logger'
import type { Db } from './db'
import { sqliteDriverForWorkers } from './sqlite-worker-driver'

/** The writer's autocheckpoint in pages (SQLite's default). */
export const WAL_AUTOCHECKPOINT_PAGES = 1000
/**
 * The writer's safety limit while the worker runs, in bytes: the same WAL size whatever the file's
 * page size (4 KiB in stores created before round 8, 16 KiB since).
 */
export const WAL_LIMIT_WITH_WORKER_BYTES = 200 * 1024 * 1024

/** What one PASSIVE checkpoint reported: frames in the WAL and frames copied into the database. */
export type CheckpointResult = { log: number; checkpointed: number }

export type WalCheckpointer = {
  /** A commit happened: checkpoint soon (nudges while one runs are coalesced into one more). */
  nudge(): void
  /** Resolves when no checkpoint is running or asked for, with the last one's result. */
  idle(): Promise<CheckpointResult | null>
  /** Ends the worker (after the running checkpoint) and restores the writer's autocheckpoint. */
  stop(): Promise<void>
}

type WorkerReply = { ok: true; result: CheckpointResult } | { ok: false; message: string }

// CommonJS run by the worker (eval: no separate file to bundle); the driver is required by the path
// the core itself resolved, so the worker loads the very same better-sqlite3.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file, { fileMustExist: true })
parentPort.on('message', (m) => {
  if (m === 'stop') { db.close(); parentPort.close(); return }
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ ok: true, result: { log: r.log, checkpointed: r.checkpointed } })
  } catch (e) {
    parentPort.postMessage({ ok: false, message: e && e.message ? e.message : String(e) })
  }
})
`

export type WalCheckpointerOptions = {
  logger: Logger
  /** Test seam: the module the worker requires as the SQLite driver. */
  driver?: string
}

const walBytes = (db: Db): number => {
  try {
    return statSync(`${db.name}-wal`).size
  } catch {
    return 0
  }
}

export function createWalCheckpointer(db: Db, opts: WalCheckpointerOptions): WalCheckpointer {
  const { logger } = opts
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const startAtBytes = WAL_AUTOCHECKPOINT_PAGES * pageSize
  const limitWithWorkerPages = Math.ceil(WAL_LIMIT_WITH_WORKER_BYTES / pageSize)
  let started = false
  let worker: Worker | null = null
  let running = false
  let again = false
  let last: CheckpointResult | null = null
  let waiters: ((r: CheckpointResult | null) => void)[] = []

  // The writer's connection may already be closed when a failing worker reports (core shutdown).
  const setAutocheckpoint = (pages: number) => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${pages}`)
  }
  const settle = () => {
    const w = waiters
    waiters = []
    for (const resolve of w) resolve(last)
  }
  const fail = (why: string) => {
    if (worker === null) return
    logger.warn('db.checkpointer-failed', { message: why })
    const w = worker
    worker = null
    running = false
    again = false
    setAutocheckpoint(WAL_AUTOCHECKPOINT_PAGES)
    void w.terminate()
    settle()
  }
  const ask = () => {
    running = true
    again = false
    worker?.postMessage('checkpoint')
  }

  const start = () => {
    started = true
    try {
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          file: db.name,
          driver: opts.driver ?? sqliteDriverForWorkers()
        }
      })
      w.on('message', (reply: WorkerReply) => {
        if (!reply.ok) return fail(reply.message)
        last = reply.result
        running = false
        if (again) ask()
        else settle()
      })
      w.on('error', (e) => fail(e.message))
      w.on('exit', () => fail('the checkpoint worker exited'))
      worker = w
      setAutocheckpoint(limitWithWorkerPages)
    } catch (e) {
      logger.warn('db.checkpointer-unavailable', { error: e })
    }
  }

  const idle = (): Promise<CheckpointResult | null> => {
    if (worker === null || (!running && !again)) return Promise.resolve(last)
    return new Promise((resolve) => waiters.push(resolve))
  }

  return {
    nudge() {
      if (!started && walBytes(db) >= startAtBytes) start()
      if (worker === null) return
      if (running) again = true
      else ask()
    },
    idle,
    async stop() {
      const w = worker
      if (w === null) return
      await idle()
      worker = null
      setAutocheckpoint(WAL_AUTOCHECKPOINT_PAGES)
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve())
        w.postMessage('stop')
      })
      settle()
    }
  }
}
