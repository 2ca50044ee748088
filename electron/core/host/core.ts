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
import {
  isReadOnlyChannel,
  isRequestChannel,
  type EventChannel
} from '../../../shared/contract/channels'
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
import { recordAppVersion } from '../store/repositories/app-meta-repo'
import { checkDatabaseFile, type CheckKind } from '../store/health'
import { checkDatabaseFileInWorker } from '../store/readonly-worker'
import { DatabaseCorruptError, isCorruptionError } from '../store/errors'
import type { Core, CoreOptions } from './core-types'
import { dispatch, type HandlerMap } from './dispatch'
import { createDegradedHandlers } from './handlers'
import { composeServices, type ComposedServices } from './services'

export type { Core, CoreOptions } from './core-types'

export const DATABASE_FILE = 'roster.db'
export const LOG_FILE = join('logs', 'roster.log')

/** An open database, and the startup check it still owes (run off the core's thread), if any. */
type Opened = { db: Db; due: CheckKind | null }

/**
 * What a failure to open, check or compose the database becomes: its own AppError, damage (with the
 * newest backup to offer), or a plain "could not be opened".
 */
function openFailure(e: unknown, file: string, backupDir: string): AppError {
  if (e instanceof AppError) return e
  if (isCorruptionError(e)) {
    const report = e instanceof Error ? e.message : String(e)
    return new DatabaseCorruptError(file, newestBackup(backupDir), report, { cause: e })
  }
  return new AppError('DATABASE_ERROR', 'The local database could not be opened.', { cause: e })
}

function openStore(
  file: string,
  backupDir: string,
  appVersion: string,
  logger: Logger,
  deferCheck: boolean
): Opened | AppError {
  try {
    let due: CheckKind | null = null
    const db = openDatabase(file, {
      appVersion,
      logger,
      deferCheck,
      onChecked: (inspection) => (due = inspection.due)
    })
    return { db, due }
  } catch (e) {
    if (!(e instanceof AppError)) logger.error('db.open-unexpected', { error: e })
    return openFailure(e, file, backupDir)
  }
}

/**
 * The startup check off the core's thread (quick_check ≈ 0.3 s, integrity_check after an unclean
 * shutdown 2–5 s at 100k people): 'ok' or the report. If the worker cannot run, the check runs here
 * instead: slower, never skipped.
 */
async function checkOffThread(file: string, kind: CheckKind, logger: Logger): Promise<string> {
  try {
    return await checkDatabaseFileInWorker(file, kind)
  } catch (e) {
    logger.warn('db.check-worker-failed', { check: kind, error: e })
    return checkDatabaseFile(file, kind)
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
   * `checking`: the database is open and its services composed but not started, while the startup
   * check runs off the core's thread (deferred by openDatabase: quick_check after a clean shutdown,
   * integrity_check after an unclean one). Read-only channels are served meanwhile, so the first
   * rows do not wait for the check; every other call waits for its outcome, and nothing writes until
   * it passes (reliability.md B2.9: never compute writes from a database that failed its check).
   */
  type Checking = { kind: CheckKind; services: ComposedServices; done: Promise<void> }
  let state: { services: ComposedServices } | { failure: AppError } | { checking: Checking }
  const composed = (): ComposedServices | null =>
    'services' in state ? state.services : 'checking' in state ? state.checking.services : null
  /**
   * What the services say for the status; while the check runs they read a file that may turn out
   * damaged, and the status must still answer (the check's outcome follows as an event).
   */
  const fromServices = <T>(read: (s: ComposedServices) => T, fallback: T): T => {
    const services = composed()
    if (!services) return fallback
    try {
      return read(services)
    } catch (e) {
      if ('checking' in state) return fallback
      throw e
    }
  }
  const status = (): Promise<AppStatus> => {
    const failure = 'failure' in state ? state.failure : null
    const maintenance = fromServices((s) => s.maintenanceStatus(), null)
    return Promise.resolve({
      version: opts.appVersion,
      firstRun: fromServices((s) => s.firstRun(), false),
      demoRunning: fromServices((s) => s.demoRunning(), false),
      keychain: secrets.status(),
      database: {
        healthy: failure === null,
        // The routine quick_check is short and says nothing: only the long one after a crash shows.
        checking: 'checking' in state && state.checking.kind === 'integrity',
        message: failure?.message ?? null,
        latestBackup: failure instanceof DatabaseCorruptError ? failure.newestBackup : null,
        lastBackupAt: newestBackupAt(backupDir)?.toISOString() ?? null,
        lastFullCheck: maintenance?.lastFullCheck ?? null,
        maintenanceWarning: maintenance?.warning ?? null
      }
    })
  }

  const compose = (): typeof state => {
    const opened = openStore(
      dbFile,
      backupDir,
      opts.appVersion,
      logger,
      opts.backgroundStartupCheck !== false
    )
    const degraded = (failure: AppError): typeof state => {
      logger.error('core.degraded', { reason: failure.message })
      return { failure }
    }
    if (opened instanceof AppError) return degraded(opened)
    let services: ComposedServices
    try {
      services = servicesOver(opened.db)
    } catch (e) {
      // Checked: a composition failure is a bug, as it always was. Still owing the check, it may be
      // damage (composing reads the schema): the core degrades and offers the backup.
      if (opened.due === null) throw e
      opened.db.close()
      return degraded(openFailure(e, dbFile, backupDir))
    }
    if (opened.due === null) {
      services.start()
      return { services }
    }
    const kind = opened.due
    return { checking: { kind, services, done: checkThenStart(kind, opened.db, services) } }
  }

  const checkThenStart = async (
    kind: CheckKind,
    db: Db,
    services: ComposedServices
  ): Promise<void> => {
    try {
      const report = await (opts.startupCheck ?? checkOffThread)(dbFile, kind, logger)
      if (report === 'ok') {
        logger.info('db.health', { check: kind, result: 'ok', deferred: true })
        if (kind === 'integrity') recordPassedFullCheck(db)
        recordAppVersion(db, opts.appVersion)
        services.start()
        state = { services }
      } else {
        await services.shutdown()
        const failure = new DatabaseCorruptError(dbFile, newestBackup(backupDir), report)
        logger.error('core.degraded', { reason: failure.message })
        state = { failure }
      }
    } catch (e) {
      // The check could not run, or starting failed: no services over a file in doubt.
      await services.shutdown().catch(() => undefined)
      logger.error('db.open-unexpected', { error: e })
      state = { failure: openFailure(e, dbFile, backupDir) }
    }
    // A passed quick_check changes nothing the status shows.
    if (kind === 'integrity' || 'failure' in state) emit('app:status-changed', await status())
  }

  const servicesOver = (db: Db): ComposedServices =>
    composeServices(db, {
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
    if ('failure' in state)
      return {
        ...createDegradedHandlers(status, state.failure),
        'app:restore-backup': restoreBackup
      }
    // While checking, only read-only channels get here (`call` holds the rest until the check ends).
    const services = 'services' in state ? state.services : state.checking.services
    return { ...services.handlers, 'app:restore-backup': restoreBackup }
  }

  const servedWhileChecking = (channel: unknown): boolean =>
    isRequestChannel(channel) && isReadOnlyChannel(channel)

  state = compose()
  logger.info('core.started', { version: opts.appVersion })

  return {
    async call(channel, input) {
      // Reads answer at once; everything else waits for the startup check's outcome.
      if ('checking' in state && !servedWhileChecking(channel)) await state.checking.done
      return dispatch(handlers(), channel, input, (event, fields) => logger.warn(event, fields))
    },
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      if ('checking' in state) await state.checking.done
      listeners.clear()
      if ('services' in state) await state.services.shutdown()
      logger.info('core.stopped')
    }
  }
}
