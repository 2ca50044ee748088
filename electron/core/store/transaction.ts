/**
 * Write helpers that every repository and job uses, so SQLite failures always surface as AppErrors
 * (F4: SQLITE_FULL → DISK_FULL) and the transaction has rolled back before the error leaves.
 * The callback must be synchronous: never `await` inside a better-sqlite3 transaction.
 */
import type Database from 'better-sqlite3'
import { mapSqliteError } from './errors'
import { withFullSync } from './pragmas'

/** Runs `fn` in one transaction (nested calls become savepoints) and maps SQLite errors. */
export function writeTransaction<T>(db: Database.Database, fn: () => T): T {
  try {
    return db.transaction(fn)()
  } catch (e) {
    throw mapSqliteError(e)
  }
}

/** Like writeTransaction, committed with synchronous=FULL: for outbox and audit rows (F3). */
export function durableWriteTransaction<T>(db: Database.Database, fn: () => T): T {
  try {
    return withFullSync(db, fn)
  } catch (e) {
    throw mapSqliteError(e)
  }
}

/** Maps errors of a single statement (reads, or writes that need no transaction). */
export function mapped<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    throw mapSqliteError(e)
  }
}
