/**
 * Composition root of the core: opens the data folder, the keychain and the database, builds the
 * services and answers contract calls. The same core runs in Electron's utilityProcess, in the CLI and
 * in the browser test host; only `CoreOptions.host` differs.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EventChannel } from '../../../shared/contract/channels'
import { eventContract } from '../../../shared/contract/contract'
import type { AppStatus } from '../../../shared/contract/app-status'
import { AppError } from '../errors'
import { createLogger, fileSink, type Logger } from '../log/logger'
import { createKeytarSecretStore, openGuardedSecretStore, probeSecretStore } from '../secrets'
import { createAuditRepo, createCredentialsRepo, openDatabase, type Db } from '../store'
import { DatabaseCorruptError } from '../store/errors'
import { createCredentialVault } from '../credentials/credential-vault'
import { createCredentialsService } from '../credentials/credentials-service'
import { createDemoOrg } from '../demo/demo-org'
import { createWebexClient } from '../webex/client'
import { createIngestServices, type IngestServices } from '../ingest/ingest-services'
import { createScheduler } from '../scheduler/scheduler'
import { DEFAULT_WEBEX_BASE_URL } from '../../../shared/domain/credential'
import { AppError as IngestError } from '../errors'
import type { Core, CoreOptions } from './core-types'
import { dispatch, type HandlerMap } from './dispatch'
import { createDegradedHandlers, createHandlers } from './handlers'

export type { Core, CoreOptions } from './core-types'

export const DATABASE_FILE = 'roster.db'
export const LOG_FILE = join('logs', 'roster.log')

function openStore(
  file: string,
  appVersion: string,
  logger: Logger
): { db: Db } | { failure: AppError } {
  try {
    return { db: openDatabase(file, { appVersion, logger }) }
  } catch (e) {
    if (e instanceof AppError) return { failure: e }
    logger.error('db.open-unexpected', { error: e })
    return {
      failure: new AppError('DATABASE_ERROR', 'The local database could not be opened.', {
        cause: e
      })
    }
  }
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  mkdirSync(opts.dataDir, { recursive: true })
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
  const opened = openStore(join(opts.dataDir, DATABASE_FILE), opts.appVersion, logger)

  let demoRunning = () => false
  let firstRun = () => true
  const status = (): Promise<AppStatus> => {
    const failure = 'failure' in opened ? opened.failure : null
    return Promise.resolve({
      version: opts.appVersion,
      firstRun: failure ? false : firstRun(),
      demoRunning: demoRunning(),
      keychain: secrets.status(),
      database: {
        healthy: failure === null,
        message: failure?.message ?? null,
        latestBackup: failure instanceof DatabaseCorruptError ? failure.newestBackup : null
      }
    })
  }

  let handlers: HandlerMap
  let shutdown = (): Promise<void> => Promise.resolve()
  if ('failure' in opened) {
    logger.error('core.degraded', { reason: opened.failure.message })
    handlers = createDegradedHandlers(status, opened.failure)
  } else {
    const db = opened.db
    const repo = createCredentialsRepo(db)
    const vault = createCredentialVault(secrets)
    const credentials = createCredentialsService({
      repo,
      audit: createAuditRepo(db),
      vault,
      logger,
      now: () => new Date(),
      openExternal: (url) => opts.host.openExternal(url),
      makeClient: (baseUrl, tokens) =>
        createWebexClient({ baseUrl, tokens, logger, retry: opts.webexRetry }),
      defaultBaseUrl: opts.webexBaseUrl,
      onChange: (list) => {
        emit('credentials:changed', { credentials: list })
        void status().then((s) => emit('app:status-changed', s))
      }
    })
    const demo = createDemoOrg({ credentials, repo, vault, logger })
    demoRunning = () => demo.isRunning()
    firstRun = () => repo.list().length === 0
    credentials.start()
    const ingest: IngestServices = createIngestServices({
      db,
      logger,
      now: () => new Date(),
      clientFor: (i) => {
        // The CLI's WEBEX_ACCESS_TOKEN: a TokenProvider in memory, nothing persisted.
        const token = opts.webexAccessToken
        if (token)
          return createWebexClient({
            baseUrl: opts.webexBaseUrl ?? DEFAULT_WEBEX_BASE_URL,
            tokens: { getAccessToken: () => Promise.resolve(token) },
            logger,
            retry: opts.webexRetry
          })
        if (!i.credentialId)
          throw new IngestError('BAD_REQUEST', `"${i.name}" has no credential; choose one first.`)
        return credentials.clientFor(i.credentialId)
      },
      onProgress: (p) => emit('runs:progress', p),
      onFinished: (run) => emit('runs:finished', { run }),
      onIntegrationsChanged: () => {
        scheduler.refresh()
        emit('integrations:changed', { integrations: ingest.integrations.list() })
      },
      nextRunAt: (i) => scheduler.nextRunAt(i),
      pageSize: opts.ingestPageSize
    })
    const scheduler = createScheduler({
      list: () => ingest.repos.integrations.list(),
      lastRunAt: (id) => ingest.repos.runs.lastRun(id)?.startedAt ?? null,
      start: (id, trigger) => ingest.runner.start(id, { trigger }),
      markFired: (id, at) => ingest.integrations.setLastScheduledAt(id, at),
      now: () => new Date(),
      logger
    })
    if (opts.scheduler !== false) scheduler.start()
    handlers = createHandlers({ status, credentials, demo, ingest })
    // A demo started in an earlier session comes back by itself, without delaying startup.
    if (secrets.status().available)
      void demo.resume().catch((e: unknown) => logger.warn('demo.resume-failed', { error: e }))
    shutdown = async () => {
      scheduler.stop()
      await ingest.runner.shutdown()
      credentials.stop()
      await demo.stop()
      db.close()
    }
  }
  logger.info('core.started', { version: opts.appVersion })

  return {
    call: (channel, input) =>
      dispatch(handlers, channel, input, (event, fields) => logger.warn(event, fields)),
    onEvent: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      listeners.clear()
      await shutdown()
      logger.info('core.stopped')
    }
  }
}
