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
import { DatabaseCorruptError } from '../store/errors'
import type { Core, CoreOptions } from './core-types'
import { dispatch, type HandlerMap } from './dispatch'
import { createDegradedHandlers } from './handlers'
import { composeServices, type ComposedServices } from './services'

export type { Core, CoreOptions } from './core-types'

export const DATABASE_FILE = 'roster.db'
export const LOG_FILE = join('logs', 'roster.log')

function openStore(file: string, appVersion: string, logger: Logger): Db | AppError {
  try {
    let fullCheckPassed = false
    const db = openDatabase(file, {
      appVersion,
      logger,
      onChecked: (check) => (fullCheckPassed = check === 'integrity')
    })
    // The full check after an unclean shutdown counts as the weekly one (maintenance/).
    if (fullCheckPassed)
      writeTransaction(db, () =>
        recordFullCheck(createAppMetaRepo(db), { at: new Date().toISOString(), ok: true })
      )
    return db
  } catch (e) {
    if (e instanceof AppError) return e
    logger.error('db.open-unexpected', { error: e })
    return new AppError('DATABASE_ERROR', 'The local database could not be opened.', { cause: e })
  }
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

  let state: { services: ComposedServices } | { failure: AppError }
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
    return {
      services: composeServices(opened, {
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

  const handlers = (): HandlerMap => ({
    ...('services' in state
      ? state.services.handlers
      : createDegradedHandlers(status, state.failure)),
    'app:restore-backup': restoreBackup
  })

  state = compose()
  logger.info('core.started', { version: opts.appVersion })

  return {
    call: (channel, input) =>
      dispatch(handlers(), channel, input, (event, fields) => logger.warn(event, fields)),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      listeners.clear()
      if ('services' in state) await state.services.shutdown()
      logger.info('core.stopped')
    }
  }
}
