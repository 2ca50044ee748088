/**
 * The WAL checkpointer: a real database file, a real worker thread and SQLite's own checkpoint
 * counters. It starts only once the WAL passes the writer's autocheckpoint size, copies the WAL into
 * the database off the writer's thread, and gives the writer its autocheckpoint back when it stops
 * or fails.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store'
import type { Db } from '../../../electron/core/store/db'
import { createLogger } from '../../../electron/core/log/logger'
import {
  createWalCheckpointer,
  WAL_AUTOCHECKPOINT_PAGES,
  WAL_LIMIT_WITH_WORKER_BYTES
} from '../../../electron/core/store/wal-checkpointer'
import { workerLoadablePath } from '../../../electron/core/store/sqlite-worker-driver'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir('roster-checkpointer-')
let db: Db | undefined
afterEach(() => {
  db?.close()
  db = undefined
})

function openWithScratchTable(): Db {
  const opened = openDatabase(join(dir(), 'roster.db'))
  opened.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body BLOB NOT NULL)')
  db = opened
  return opened
}

/** One transaction of `mb` MB of 4 KB rows: about that many WAL bytes. */
function writeMb(d: Db, mb: number): void {
  const insert = d.prepare('INSERT INTO scratch (body) VALUES (?)')
  d.transaction(() => {
    for (let i = 0; i < mb * 256; i++) insert.run(Buffer.alloc(4000, i % 251))
  })()
}

const autocheckpoint = (d: Db) => d.pragma('wal_autocheckpoint', { simple: true }) as number
const pageSize = (d: Db) => d.pragma('page_size', { simple: true }) as number
/** MB in one commit: half as much again as the writer's own autocheckpoint, whatever the page size. */
const bigMb = (d: Db) => Math.ceil((1.5 * WAL_AUTOCHECKPOINT_PAGES * pageSize(d)) / 2 ** 20)

function captureLog() {
  const lines: { event: string; message?: string }[] = []
  const logger = createLogger({ sink: (l) => lines.push(JSON.parse(l) as (typeof lines)[number]) })
  return { logger, lines }
}

describe('WAL checkpointer', () => {
  it('checkpoints a big WAL on its worker while the writer keeps a raised autocheckpoint', async () => {
    const d = openWithScratchTable()
    const cp = createWalCheckpointer(d, { logger: captureLog().logger })
    writeMb(d, bigMb(d))
    cp.nudge()
    expect(autocheckpoint(d)).toBe(WAL_LIMIT_WITH_WORKER_BYTES / pageSize(d))
    await cp.idle()
    // A second big commit: above the writer's old limit, under its raised one, so only the worker
    // copies it into the database.
    writeMb(d, bigMb(d))
    cp.nudge()
    const result = await cp.idle()
    expect(result).not.toBeNull()
    expect(result?.log).toBeGreaterThan(WAL_AUTOCHECKPOINT_PAGES)
    expect(result?.checkpointed).toBe(result?.log)
    await cp.stop()
    expect(autocheckpoint(d)).toBe(WAL_AUTOCHECKPOINT_PAGES)
    expect(d.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 2 * bigMb(d) * 256 })
  })

  it('starts no worker for a small WAL', async () => {
    const d = openWithScratchTable()
    const cp = createWalCheckpointer(d, { logger: captureLog().logger })
    writeMb(d, 0.5)
    cp.nudge()
    expect(autocheckpoint(d)).toBe(WAL_AUTOCHECKPOINT_PAGES)
    expect(await cp.idle()).toBeNull()
    await cp.stop()
  })

  it('gives the writer its autocheckpoint back when the worker cannot load its driver', async () => {
    const d = openWithScratchTable()
    const { logger, lines } = captureLog()
    const cp = createWalCheckpointer(d, { logger, driver: join(dir(), 'no-such-driver.js') })
    writeMb(d, bigMb(d))
    cp.nudge()
    expect(await cp.idle()).toBeNull()
    expect(autocheckpoint(d)).toBe(WAL_AUTOCHECKPOINT_PAGES)
    expect(lines.map((l) => l.event)).toContain('db.checkpointer-failed')
    // Nudges after a failure do nothing; the writer checkpoints by itself again.
    writeMb(d, bigMb(d))
    cp.nudge()
    await cp.stop()
    const [after] = d.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
    expect(after?.checkpointed).toBe(after?.log)
  })
})

describe('WAL checkpointer at shutdown', () => {
  it('stops cleanly after the writer has closed its connection', async () => {
    const d = openWithScratchTable()
    const cp = createWalCheckpointer(d, { logger: captureLog().logger })
    writeMb(d, bigMb(d))
    cp.nudge()
    await cp.idle()
    d.close()
    await expect(cp.stop()).resolves.toBeUndefined()
  })
})

describe('the driver path a worker loads', () => {
  it('points into app.asar.unpacked in a packaged app, and is left alone otherwise', () => {
    const lib = 'node_modules/better-sqlite3/lib/index.js'
    expect(workerLoadablePath(`/opt/Roster/resources/app.asar/${lib}`)).toBe(
      `/opt/Roster/resources/app.asar.unpacked/${lib}`
    )
    expect(workerLoadablePath('C:\\Roster\\resources\\app.asar\\node_modules\\x.js')).toBe(
      'C:\\Roster\\resources\\app.asar.unpacked\\node_modules\\x.js'
    )
    expect(workerLoadablePath(`/opt/Roster/resources/app.asar.unpacked/${lib}`)).toBe(
      `/opt/Roster/resources/app.asar.unpacked/${lib}`
    )
    expect(workerLoadablePath(`/work/main/${lib}`)).toBe(`/work/main/${lib}`)
  })
})
