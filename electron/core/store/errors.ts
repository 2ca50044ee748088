/**
 * Typed failures of the local database. Each is an AppError so it crosses the contract with a stable
 * code; the extra fields (backup path, versions) let the host offer the right recovery.
 */
import { AppError } from '../errors'

/** `quick_check`/`integrity_check` failed, or SQLite says the file is not a database. */
export class DatabaseCorruptError extends AppError {
  constructor(
    readonly file: string,
    /** Newest backup on disk, or null when none exists: the app offers a restore from it. */
    readonly newestBackup: string | null,
    readonly checkReport: string,
    options?: { cause?: unknown }
  ) {
    super(
      'DATABASE_ERROR',
      newestBackup
        ? 'The local database is damaged. Roster kept the damaged file and can restore the newest backup.'
        : 'The local database is damaged and no backup was found. Roster kept the damaged file.',
      options
    )
  }
}

/** The file was written by a newer Roster: never downgrade or touch it. */
export class DbFromFutureError extends AppError {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly appVersion: number
  ) {
    super(
      'DATABASE_ERROR',
      `The local database was created by a newer version of Roster (schema ${fileVersion}, this version supports ${appVersion}). Install the newer version to open it.`
    )
  }
}

/** A migration threw: its transaction rolled back and the database is still at `fromVersion`. */
export class MigrationFailedError extends AppError {
  constructor(
    readonly fromVersion: number,
    readonly failedVersion: number,
    readonly backupPath: string | null,
    options?: { cause?: unknown }
  ) {
    super(
      'DATABASE_ERROR',
      `Updating the local database to schema ${failedVersion} failed. Nothing was changed` +
        (backupPath ? '; a backup was saved before the update.' : '.'),
      options
    )
  }
}

export class DiskFullError extends AppError {
  constructor(options?: { cause?: unknown }) {
    super(
      'DISK_FULL',
      'The disk is full, so Roster could not save. Nothing from this step was saved; free some space and try again.',
      options
    )
  }
}

const sqliteCode = (err: unknown): string | null => {
  if (!(err instanceof Error) || !('code' in err)) return null
  const code = (err as { code: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** True for SQLite result codes that mean the file itself is damaged or not a database. */
export const isCorruptionError = (err: unknown): boolean => {
  const code = sqliteCode(err)
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

/**
 * Turns a thrown SQLite error into the AppError the contract knows. AppErrors pass through; errors
 * that are not SQLite's are returned unchanged (they become INTERNAL at the contract edge).
 * Constraint errors are not mapped here: only the repository knows which constraint means CONFLICT.
 */
export function mapSqliteError(err: unknown): Error {
  if (err instanceof AppError) return err
  const code = sqliteCode(err)
  if (code === null) return err instanceof Error ? err : new Error(String(err))
  // SQLITE_FULL covers a full disk, a full tmpfs and `max_page_count` (how the tests provoke it).
  if (code === 'SQLITE_FULL') return new DiskFullError({ cause: err })
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('DATABASE_ERROR', 'The local database is busy. Try again in a moment.', {
      cause: err
    })
  if (isCorruptionError(err))
    return new AppError('DATABASE_ERROR', 'The local database is damaged.', { cause: err })
  return err as Error
}
