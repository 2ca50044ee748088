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
   * After an unclean shutdown, run quick_check now and leave the full check to the caller (which
   * runs it off its thread before it writes anything). Not when a migration is pending: a backup
   * and a migration write, so they wait for the full check here.
   */
  deferFullCheck?: boolean
}

/** Which check passed, and whether the full one is still owed (deferred after an unclean shutdown). */
export type Inspection = { check: CheckKind; fullCheckDue: boolean }

const corrupt = (o: InspectOptions, report: string, cause?: unknown) =>
  new DatabaseCorruptError(o.file, newestBackup(o.backupDir), report, { cause })

/**
 * Checks an existing database before the read-write open. The version comes from the raw header
 * when no -wal exists (then the header is authoritative), so a newer app's file is refused with its
 * bytes, mtime and folder unchanged. A non-empty -wal means the last session did not close cleanly:
 * then the version is read through SQLite and the full integrity_check runs instead of quick_check
 * (or, with `deferFullCheck`, quick_check now and the full check is reported due).
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
  }
  let check: CheckKind = 'quick'
  let fullCheckDue = false
  let ro: Database.Database | undefined
  try {
    ro = new Database(o.file, { readonly: true, fileMustExist: true })
    const version = readUserVersion(ro)
    if (version > o.latestVersion) throw new DbFromFutureError(o.file, version, o.latestVersion)
    if (uncleanShutdown) {
      fullCheckDue = o.deferFullCheck === true && version === o.latestVersion
      check = fullCheckDue ? 'quick' : 'integrity'
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
  return { check, fullCheckDue }
}
