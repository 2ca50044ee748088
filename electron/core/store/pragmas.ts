/**
 * Connection settings, set explicitly and read back (reliability.md B2.9, F3). better-sqlite3 builds with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, but a connection that switches to WAL keeps reporting 2 until it
 * is reopened, so `synchronous` is set after `journal_mode` and then verified like everything else.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../errors'

/** 64 MB page cache (negative = KiB): enough for the people table, bounded on small machines. */
export const CACHE_SIZE_KIB = -65536
export const BUSY_TIMEOUT_MS = 5000
/**
 * Page size of a new database file (SQLite's default is 4 KiB). A commit appends each dirty page to
 * the WAL as its own frame and a checkpoint copies it back: with 16 KiB pages a first ingest of 100k
 * people (≈ 370 MB) writes a quarter of the frames, and its commits took half the time in the write
 * floor (docs/benchmarks.md, round 8). A file's page size is fixed once it holds a table (changing it
 * would take a VACUUM outside WAL), so older stores keep theirs and work as before.
 */
export const NEW_FILE_PAGE_SIZE = 16384

export const SYNC_NORMAL = 1
export const SYNC_FULL = 2
const TEMP_STORE_MEMORY = 2

const read = (db: Database.Database, name: string): unknown => db.pragma(name, { simple: true })

function expectPragma(db: Database.Database, name: string, expected: unknown): void {
  const actual = read(db, name)
  if (actual !== expected)
    throw new AppError(
      'DATABASE_ERROR',
      `The local database could not be configured (${name} is ${String(actual)}, expected ${String(expected)}).`
    )
}

/** Settings every connection gets, read-only ones included. */
function applyCommonPragmas(db: Database.Database): void {
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  db.pragma(`cache_size = ${CACHE_SIZE_KIB}`)
  db.pragma('temp_store = MEMORY')
  expectPragma(db, 'foreign_keys', 1)
  expectPragma(db, 'busy_timeout', BUSY_TIMEOUT_MS)
  expectPragma(db, 'cache_size', CACHE_SIZE_KIB)
  expectPragma(db, 'temp_store', TEMP_STORE_MEMORY)
}

/** The main read-write connection: WAL, then NORMAL sync (durable enough for re-readable ingest pages). */
export function applyWritePragmas(db: Database.Database): void {
  // Only an empty file takes a page size, and only before WAL is on: set it first.
  if (read(db, 'page_count') === 0) {
    db.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`)
    expectPragma(db, 'page_size', NEW_FILE_PAGE_SIZE)
  }
  db.pragma('journal_mode = WAL')
  expectPragma(db, 'journal_mode', 'wal')
  db.pragma('synchronous = NORMAL')
  expectPragma(db, 'synchronous', SYNC_NORMAL)
  applyCommonPragmas(db)
}

export function applyReadonlyPragmas(db: Database.Database): void {
  applyCommonPragmas(db)
}

/**
 * Runs `fn` in a transaction committed with synchronous=FULL, for rows that must survive power loss
 * (outbox, audit: F3). The setting applies at COMMIT, so this cannot run inside an outer transaction:
 * the outer one would commit later under NORMAL.
 */
export function withFullSync<T>(db: Database.Database, fn: () => T): T {
  if (db.inTransaction)
    throw new AppError('INTERNAL', 'withFullSync cannot run inside another transaction')
  db.pragma('synchronous = FULL')
  try {
    expectPragma(db, 'synchronous', SYNC_FULL)
    return db.transaction(fn)()
  } finally {
    db.pragma('synchronous = NORMAL')
  }
}

/**
 * After a sync: checkpoint what the run left in the WAL (PASSIVE: it never waits for readers), so a
 * crash later does not leave a big WAL to replay and check at the next start. During a big sync the
 * checkpoints themselves run on a worker thread (wal-checkpointer.ts); merely raising
 * wal_autocheckpoint without one was measured and not kept (docs/benchmarks.md, round 2): it only
 * moves the same copying to the end.
 */
export function checkpointWal(db: Database.Database): void {
  db.pragma('wal_checkpoint(PASSIVE)')
}
