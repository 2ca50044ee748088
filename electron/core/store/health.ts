/**
 * Startup health (reliability.md B2.9, F5): an existing file is checked before anything writes to it.
 * A damaged file is never migrated or written; a file from a newer app is never touched at all.
 */
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { AppError } from '../errors'
import { newestBackup } from './backups'
import { DatabaseCorruptError, DbFromFutureError, isCorruptionError } from './errors'
import { readUserVersion } from './migrate'

const MAGIC = 'SQLite format 3\0'
/** Offset of `user_version` in the 100-byte database header (big-endian u32). */
const USER_VERSION_OFFSET = 60

export const fileSize = (file: string): number => (existsSync(file) ? statSync(file).size : 0)

/** Reads the header without SQLite, so a file from the future can be refused without opening it. */
export function readHeader(file: string): { isSqlite: boolean; userVersion: number } {
  const buf = Buffer.alloc(100)
  const fd = openSync(file, 'r')
  let read: number
  try {
    read = readSync(fd, buf, 0, 100, 0)
  } finally {
    closeSync(fd)
  }
  if (read < 100 || buf.toString('latin1', 0, 16) !== MAGIC)
    return { isSqlite: false, userVersion: 0 }
  return { isSqlite: true, userVersion: buf.readUInt32BE(USER_VERSION_OFFSET) }
}

export type CheckKind = 'quick' | 'integrity'

/** Runs quick_check or integrity_check and returns 'ok' or the report lines. */
export function runHealthCheck(db: Database.Database, kind: CheckKind = 'quick'): string {
  const rows = db.pragma(kind === 'quick' ? 'quick_check' : 'integrity_check') as Record<
    string,
    unknown
  >[]
  const lines = rows.map((r) => String(Object.values(r)[0]))
  return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('\n')
}

/**
 * Runs a check on a fresh read-only connection to `file`: it reads what is on disk, where the main
 * connection could answer from its page cache, and it cannot write. In WAL mode it sees the last
 * committed state next to an open writer. SQLite errors that mean damage become the report.
 */
export function checkDatabaseFile(file: string, kind: CheckKind): string {
  let ro: Database.Database | undefined
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true })
    return runHealthCheck(ro, kind)
  } catch (e) {
    if (isCorruptionError(e)) return e instanceof Error ? e.message : String(e)
    throw e
  } finally {
    ro?.close()
  }
}

export type InspectOptions = {
  file: string
  latestVersion: number
  backupDir: string
  /**
   * Leave the startup check to the caller, which runs it off its thread and writes nothing until it
   * passes (core.ts): after a clean shutdown the quick_check is not run here at all; after an unclean
   * one quick_check runs now and the full integrity_check is left. Not when a migration is pending:
   * a backup and a migration write, so they wait for the check here.
   */
  deferCheck?: boolean
}

/**
 * Which check passed here (null: none, it was deferred), and which one the caller still owes before
 * anything writes (null: none).
 */
export type Inspection = { check: CheckKind | null; due: CheckKind | null }

const corrupt = (o: InspectOptions, report: string, cause?: unknown) =>
  new DatabaseCorruptError(o.file, newestBackup(o.backupDir), report, { cause })

/**
 * Checks an existing database before the read-write open. The version comes from the raw header
 * when no -wal exists (then the header is authoritative), so a newer app's file is refused with its
 * bytes, mtime and folder unchanged. A non-empty -wal means the last session did not close cleanly:
 * then the version is read through SQLite and the full integrity_check runs instead of quick_check
 * (with `deferCheck`: quick_check now, and the full check is due).
 */
export function inspectExistingDatabase(o: InspectOptions): Inspection {
  const wal = `${o.file}-wal`
  const shm = `${o.file}-shm`
  const hadWal = existsSync(wal)
  const hadShm = existsSync(shm)
  const uncleanShutdown = fileSize(wal) > 0
  if (!uncleanShutdown) {
    const header = readHeader(o.file)
    if (!header.isSqlite) throw corrupt(o, 'The file is not a SQLite database (bad header).')
    if (header.userVersion > o.latestVersion)
      throw new DbFromFutureError(o.file, header.userVersion, o.latestVersion)
    // Closed cleanly and on the latest schema: the header says all the open needs to know.
    if (o.deferCheck === true && header.userVersion === o.latestVersion)
      return { check: null, due: 'quick' }
  }
  let check: CheckKind = 'quick'
  let due: CheckKind | null = null
  let ro: Database.Database | undefined
  try {
    ro = new Database(o.file, { readonly: true, fileMustExist: true })
    const version = readUserVersion(ro)
    if (version > o.latestVersion) throw new DbFromFutureError(o.file, version, o.latestVersion)
    if (uncleanShutdown) {
      due = o.deferCheck === true && version === o.latestVersion ? 'integrity' : null
      check = due === null ? 'integrity' : 'quick'
    }
    const report = runHealthCheck(ro, check)
    if (report !== 'ok') throw corrupt(o, report)
  } catch (e) {
    if (e instanceof AppError) throw e
    if (isCorruptionError(e)) throw corrupt(o, e instanceof Error ? e.message : String(e), e)
    throw new AppError('DATABASE_ERROR', 'The local database could not be opened.', { cause: e })
  } finally {
    ro?.close()
    // A read-only connection to a WAL file creates empty -wal/-shm: leave the folder as we found it.
    if (!hadWal && existsSync(wal) && fileSize(wal) === 0) {
      rmSync(wal, { force: true })
      if (!hadShm) rmSync(shm, { force: true })
    }
  }
  return { check, due }
}
