/**
 * Scheduled maintenance of the open database: the runner bound to the store (VACUUM INTO backups,
 * integrity_check on a read-only connection, app_meta, the run lock) and its schedule.
 */
import type { Logger } from '../log/logger'
import {
  backupDatabaseWith,
  BACKUPS_TO_KEEP,
  createAppMetaRepo,
  newestBackupAt,
  writeTransaction,
  type Db
} from '../store'
import { isCorruptionError } from '../store/errors'
import { checkDatabaseFileInWorker, vacuumIntoInWorker } from '../store/readonly-worker'
import { readUserVersion } from '../store/migrate'
import type { RunLockRepo } from '../store/repositories/run-lock-repo'
import { readFullCheck, recordFullCheck } from './full-check-record'
import type { MaintenanceOptions } from './maintenance-options'
import { createMaintenanceRunner } from './maintenance-runner'
import { createMaintenanceSchedule } from './maintenance-schedule'

export type DbMaintenanceDeps = {
  db: Db
  dbFile: string
  backupDir: string
  lock: RunLockRepo
  logger: Logger
  onDamaged: (report: string) => Promise<void>
  onChanged: () => void
  options: MaintenanceOptions
}

export function createDbMaintenance(d: DbMaintenanceDeps) {
  const now = d.options.now ?? (() => new Date())
  const meta = createAppMetaRepo(d.db)
  const logger = d.logger.child({ area: 'maintenance' })
  const runner = createMaintenanceRunner({
    now,
    // The run lock covers sync, preview and apply; an open transaction means a write is mid-way.
    // The check and the backup read their own snapshot on a worker, so they start only between
    // writes, never blocking one.
    isBusy: () => d.db.inTransaction || d.lock.all().length > 0,
    newestBackupAt: () => newestBackupAt(d.backupDir),
    // VACUUM INTO on a worker thread, like the check: the core keeps answering meanwhile.
    backup: () =>
      backupDatabaseWith((partial) => vacuumIntoInWorker(d.dbFile, partial), {
        backupDir: d.backupDir,
        schemaVersion: readUserVersion(d.db),
        now,
        keep: d.options.keepBackups ?? BACKUPS_TO_KEEP
      }),
    // On a worker thread: the core keeps answering the window during the 2–3 s check.
    fullCheck: () => checkDatabaseFileInWorker(d.dbFile, 'integrity'),
    lastFullCheck: () => readFullCheck(meta),
    recordFullCheck: (record) => writeTransaction(d.db, () => recordFullCheck(meta, record)),
    onDamaged: d.onDamaged,
    onChanged: d.onChanged,
    isCorruption: isCorruptionError,
    logger
  })
  const schedule = createMaintenanceSchedule({
    runDue: () => runner.runDue(),
    logger,
    cron: d.options.cron,
    catchUpDelayMs: d.options.catchUpDelayMs,
    retryDelayMs: d.options.retryDelayMs
  })
  return {
    /** Starts the schedule (unless the options turn it off): once the database passed its check. */
    start: () => {
      if (d.options.schedule !== false) schedule.start()
    },
    runDue: (opts: { force?: boolean } = {}) => runner.runDue(opts),
    status: () => ({ lastFullCheck: runner.lastFullCheck(), warning: runner.warning() }),
    stop: () => schedule.stop()
  }
}
export type DbMaintenance = ReturnType<typeof createDbMaintenance>
