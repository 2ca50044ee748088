/**
 * THE place a better-sqlite3 connection is opened (style.md §4.6). Order matters:
 * health check (read-only) → pragmas → backup → migrations. A file that fails a step is left as it was.
 * With `deferCheck` the caller runs the check off its thread and writes nothing until it passes.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../errors'
import { silentLogger, type Logger } from '../log/logger'
import { backupDatabase, BACKUPS_TO_KEEP, defaultBackupDir, newestBackup } from './backups'
import { DatabaseCorruptError, isCorruptionError, mapSqliteError } from './errors'
import { fileSize, inspectExistingDatabase, type CheckKind, type Inspection } from './health'
import { readUserVersion, runMigrations } from './migrate'
import { latestVersion, MIGRATIONS, type Migration } from './migrations'
import { applyReadonlyPragmas, applyWritePragmas } from './pragmas'
import { recordAppVersion } from './repositories/app-meta-repo'

declare const dbBrand: unique symbol
/** A connection opened, checked and migrated by openDatabase; repositories accept nothing else. */
export type Db = Database.Database & { readonly [dbBrand]: true }

export type OpenDatabaseOptions = {
  /** Recorded in app_meta (`app_version`) and in the log, to tell which build last opened the file. */
  appVersion?: string
  /** Default: `<dir of file>/backups`. */
  backupDir?: string
  logger?: Logger
  /** No migration, no write; the file must exist and be on the latest schema. */
  readonly?: boolean
  /** Test seam: the schema steps to apply (default: MIGRATIONS). */
  migrations?: readonly Migration[]
  now?: () => Date
  keepBackups?: number
  /**
   * Told which check an existing file passed here ('integrity' after an unclean shutdown; null when
   * deferred) and which one is still due (only with `deferCheck`).
   */
  onChecked?: (inspection: Inspection) => void
  /**
   * See InspectOptions.deferCheck (health.ts). When a check is left due, the open writes nothing
   * (not even the app version): the caller records the version once the check has passed.
   */
  deferCheck?: boolean
}

export function openDatabase(file: string, opts: OpenDatabaseOptions = {}): Db {
  const log = opts.logger ?? silentLogger
  const migrations = opts.migrations ?? MIGRATIONS
  const latest = latestVersion(migrations)
  const backupDir = opts.backupDir ?? defaultBackupDir(file)
  const existing = fileSize(file) > 0

  let due: CheckKind | null = null
  if (existing) {
    try {
      const inspection = inspectExistingDatabase({
        file,
        latestVersion: latest,
        backupDir,
        deferCheck: opts.deferCheck === true
      })
      due = inspection.due
      if (inspection.check !== null)
        log.info('db.health', { check: inspection.check, result: 'ok', ...(due ? { due } : {}) })
      opts.onChecked?.(inspection)
    } catch (e) {
      log.error('db.refused', { error: e })
      throw e
    }
  }
  if (opts.readonly) return openReadonly(file, latest, existing)

  mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  try {
    applyWritePragmas(db)
    const from = readUserVersion(db)
    // A new file has nothing worth keeping; an existing one is copied before its schema changes.
    const backupPath =
      existing && from < latest
        ? backupDatabase(db, {
            backupDir,
            schemaVersion: from,
            now: opts.now,
            keep: opts.keepBackups ?? BACKUPS_TO_KEEP
          })
        : null
    const result = runMigrations(db, migrations, { file, backupPath })
    if (result.applied.length > 0) log.info('db.migrated', { ...result, backupPath })
    if (opts.appVersion && due === null) recordAppVersion(db, opts.appVersion)
    return db as Db
  } catch (e) {
    db.close()
    log.error('db.open-failed', { error: e })
    // Damage the deferred check had not yet found: the same refusal (and backup offer) as its own.
    if (due !== null && isCorruptionError(e))
      throw new DatabaseCorruptError(
        file,
        newestBackup(backupDir),
        e instanceof Error ? e.message : String(e),
        {
          cause: e
        }
      )
    throw mapSqliteError(e)
  }
}

function openReadonly(file: string, latest: number, existing: boolean): Db {
  if (!existing) throw new AppError('NOT_FOUND', 'There is no local database yet.')
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    applyReadonlyPragmas(db)
    if (readUserVersion(db) !== latest)
      throw new AppError(
        'DATABASE_ERROR',
        'The local database needs an update; open it read-write once (start Roster) first.'
      )
    return db as Db
  } catch (e) {
    db.close()
    throw e
  }
}
