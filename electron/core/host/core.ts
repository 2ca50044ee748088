/**
 * Composition root of the core: opens the data folder, the keychain and the database, builds the
 * services and answers contract calls. The same core runs in Electron's utilityProcess, in the CLI and
 * in the browser test host; only `CoreOptions.host` differs.
 *
 * A database that cannot be opened (damaged, from a newer Roster, a failed migration) leaves the core
 * "degraded": the status says why, every other channel refuses with that reason, and a damaged file
 * can be replaced by its newest backup without leaving the app (`app:restore-backup`). A scheduled
 * full integrity_check that fails later (maintenance/) enters the same state through `degrade`.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AppStatus } from '../../../shared/contract/app-status'
import type { EventChannel } from '../../../shared/contract/channels'
import { eventContract } from '../../../shared/contract/contract'
import { AppError } from '../errors'
import { createLogger, fileSink, type Logger } from '../log/logger'
import { createKeytarSecretStore, openGuardedSecretStore, probeSecretStore } from '../secrets'
import {
  createAppMetaRepo,
  defaultBackupDir,
  newestBackup,
  newestBackupAt,
  openDatabase,
  restoreFromBackup,
  writeTransaction,
  type Db
} from '../store'
import { recordFullCheck } from '../maintenance/full-check-record'
import { checkDatabaseFile } from '../store/health'
import { checkDatabaseFileInWorker } from '../store/readonly-worker'
import { DatabaseCorruptError } from '../store/errors'
import type { Core, CoreOptions } from './core-types'
import { dispatch, type HandlerMap } from './dispatch'
import { createDegradedHandlers } from './handlers'
import { composeServices, type ComposedServices } from './services'

export type { Core, CoreOptions } from './core-types'

export const DATABASE_FILE = 'roster.db'
export const LOG_FILE = join('logs', 'roster.log')

const STILL_CHECKING =
  'Roster is checking the local database after an unexpected shutdown; try again in a moment.'

/** An open database, and whether its full check is still owed (deferred after an unclean shutdown). */
type Opened = { db: Db; fullCheckDue: boolean }

function openStore(file: string, appVersion: string, logger: Logger): Opened | AppError {
  try {
    let fullCheckDue = false
    const db = openDatabase(file, {
      appVersion,
      logger,
      deferFullCheck: true,
      onChecked: (_check, due) => (fullCheckDue = due)
    })
    return { db, fullCheckDue }
  } catch (e) {
    if (e instanceof AppError) return e
    logger.error('db.open-unexpected', { error: e })
    return new AppError('DATABASE_ERROR', 'The local database could not be opened.', { cause: e })
  }
}

/**
 * The full integrity_check after an unclean shutdown, off the core's thread (2–5 s at 100k people):
 * 'ok' or the report. If the worker cannot run, the check runs here instead: slower, never skipped.
 */
async function fullCheck(file: string, logger: Logger): Promise<string> {
  try {
    return await checkDatabaseFileInWorker(file, 'integrity')
  } catch (e) {
    logger.warn('db.full-check-worker-failed', { error: e })
    return checkDatabaseFile(file, 'integrity')
  }
}

/** The full check passed: remembered as the last one (it counts as the weekly check, maintenance/). */
function recordPassedFullCheck(db: Db): void {
  writeTransaction(db, () =>
    recordFullCheck(createAppMetaRepo(db), { at: new Date().toISOString(), ok: true })
  )
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  mkdirSync(opts.dataDir, { recursive: true })
  const dbFile = join(opts.dataDir, DATABASE_FILE)
  const backupDir = defaultBackupDir(dbFile)
  const logger = opts.logger ?? createLogger({ sink: fileSink(join(opts.dataDir, LOG_FILE)) })
  const listeners = new Set<(channel: EventChannel, payload: unknown) => void>()
  const emit = (channel: EventChannel, payload: unknown) => {
    // Events are checked like requests: a bug must not push an unexpected shape at the renderer.
    const parsed = eventContract[channel].safeParse(payload)
    if (!parsed.success) return logger.error('contract.bad-event', { channel })
    for (const l of listeners) l(channel, parsed.data)
  }

  const secrets = await openGuardedSecretStore(
    opts.secretStore ?? createKeytarSecretStore(),
    probeSecretStore
  )
  if (!secrets.status().available)
    logger.warn('keychain.unavailable', { message: secrets.status().message })

  /**
   * `checking`: after an unclean shutdown, the database passed quick_check and its full check runs
   * on a worker. Nothing is composed meanwhile (no scheduler, no run recovery, no demo), so nothing
   * writes; every call but the status waits for the outcome (services, or the failure).
   */
  let state: { services: ComposedServices } | { failure: AppError } | { checking: Promise<void> }
  const status = (): Promise<AppStatus> => {
    const failure = 'failure' in state ? state.failure : null
    const maintenance = 'services' in state ? state.services.maintenanceStatus() : null
    return Promise.resolve({
      version: opts.appVersion,
      firstRun: 'services' in state ? state.services.firstRun() : false,
      demoRunning: 'services' in state ? state.services.demoRunning() : false,
      keychain: secrets.status(),
      database: {
        healthy: failure === null,
        checking: 'checking' in state,
        message: failure?.message ?? null,
        latestBackup: failure instanceof DatabaseCorruptError ? failure.newestBackup : null,
        lastBackupAt: newestBackupAt(backupDir)?.toISOString() ?? null,
        lastFullCheck: maintenance?.lastFullCheck ?? null,
        maintenanceWarning: maintenance?.warning ?? null
      }
    })
  }

  const compose = (): typeof state => {
    const opened = openStore(dbFile, opts.appVersion, logger)
    if (opened instanceof AppError) {
      logger.error('core.degraded', { reason: opened.message })
      return { failure: opened }
    }
    if (opened.fullCheckDue) return { checking: checkThenCompose(opened.db) }
    return servicesOver(opened.db)
  }

  const checkThenCompose = async (db: Db): Promise<void> => {
    try {
      const report = await fullCheck(dbFile, logger)
      if (report === 'ok') {
        logger.info('db.health', { check: 'integrity', result: 'ok', deferred: true })
        recordPassedFullCheck(db)
        state = servicesOver(db)
      } else {
        db.close()
        const failure = new DatabaseCorruptError(dbFile, newestBackup(backupDir), report)
        logger.error('core.degraded', { reason: failure.message })
        state = { failure }
      }
    } catch (e) {
      // The check could not run, or composing failed: no services over a file in doubt.
      if (db.open) db.close()
      logger.error('db.open-unexpected', { error: e })
      state = {
        failure:
          e instanceof AppError
            ? e
            : new AppError('DATABASE_ERROR', 'The local database could not be opened.', {
                cause: e
              })
      }
    }
    emit('app:status-changed', await status())
  }

  const servicesOver = (db: Db): typeof state => {
    return {
      services: composeServices(db, {
        opts,
        logger,
        secrets,
        emit,
        status,
        dbFile,
        backupDir,
        onDatabaseDamaged: (report) =>
          degrade(new DatabaseCorruptError(dbFile, newestBackup(backupDir), report))
      })
    }
  }

  /**
   * The open database failed a later check: the same state as a failed startup check. Calls are
   * refused from this moment on; the services (and their connection) close so the file can be
   * restored from a backup.
   */
  const degrade = async (failure: AppError): Promise<void> => {
    if (!('services' in state)) return
    const services = state.services
    state = { failure }
    logger.error('core.degraded', { reason: failure.message })
    await services.shutdown()
    emit('app:status-changed', await status())
  }

  const restoreBackup = async (): Promise<{ restored: true }> => {
    if (!('failure' in state))
      throw new AppError('CONFLICT', 'The local database is healthy; there is nothing to restore.')
    const failure = state.failure
    if (!(failure instanceof DatabaseCorruptError) || !failure.newestBackup)
      throw new AppError('NOT_FOUND', 'There is no backup that could replace the local database.')
    const { corruptPath } = restoreFromBackup(dbFile, failure.newestBackup)
    logger.warn('db.restored', { backup: failure.newestBackup, keptDamagedAs: corruptPath })
    state = compose()
    if ('failure' in state) throw state.failure
    emit('app:status-changed', await status())
    return { restored: true }
  }

  const handlers = (): HandlerMap => {
    // While checking, only the status gets here (`call` holds the rest until the check ends).
    if ('checking' in state) {
      const checking = new AppError('DATABASE_ERROR', STILL_CHECKING)
      return {
        ...createDegradedHandlers(status, checking),
        'app:restore-backup': () => Promise.reject(checking)
      }
    }
    return {
      ...('services' in state
        ? state.services.handlers
        : createDegradedHandlers(status, state.failure)),
      'app:restore-backup': restoreBackup
    }
  }

  state = compose()
  logger.info('core.started', { version: opts.appVersion })

  return {
    async call(channel, input) {
      // The status answers at once (it says a check is running); everything else waits for it.
      if ('checking' in state && channel !== 'app:get-status') await state.checking
      return dispatch(handlers(), channel, input, (event, fields) => logger.warn(event, fields))
    },
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      if ('checking' in state) await state.checking
      listeners.clear()
      if ('services' in state) await state.services.shutdown()
      logger.info('core.stopped')
    }
  }
}
