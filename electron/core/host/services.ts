/**
 * Builds every domain service over an open database and returns the handler map that serves them.
 * Kept apart from createCore so the core can compose again after restoring a backup.
 */
import type { AppStatus } from '../../../shared/contract/app-status'
import type { EventChannel } from '../../../shared/contract/channels'
import type { FullCheckRecord } from '../../../shared/contract/maintenance'
import { DEFAULT_WEBEX_BASE_URL } from '../../../shared/domain/credential'
import { createCredentialVault } from '../credentials/credential-vault'
import { createCredentialsService } from '../credentials/credentials-service'
import { createDemoOrg } from '../demo/demo-org'
import { AppError } from '../errors'
import { createIngestServices, type IngestServices } from '../ingest/ingest-services'
import type { Logger } from '../log/logger'
import { createDbMaintenance } from '../maintenance/db-maintenance'
import { createScheduler } from '../scheduler/scheduler'
import type { GuardedSecretStore } from '../secrets'
import { createAuditRepo, createCredentialsRepo, type Db } from '../store'
import { createWebexClient } from '../webex/client'
import { DEFAULT_OUTAGE_POLICY } from '../sync/outage'
import type { CoreOptions } from './core-types'
import { createHandlers, type ServiceHandlerMap } from './handlers'

/**
 * The services over one database. Composing writes nothing: what writes by itself (marking crashed
 * runs interrupted, the schedules, token refreshes, the demo's return) begins with `start()`, which
 * the core calls once the database has passed its startup check. Until then only reads are served.
 */
export type ComposedServices = {
  handlers: ServiceHandlerMap
  start(): void
  maintenanceStatus(): { lastFullCheck: FullCheckRecord | null; warning: string | null }
  demoRunning(): boolean
  firstRun(): boolean
  shutdown(): Promise<void>
}

export type ComposeContext = {
  opts: CoreOptions
  logger: Logger
  secrets: GuardedSecretStore
  emit: (channel: EventChannel, payload: unknown) => void
  status: () => Promise<AppStatus>
  dbFile: string
  backupDir: string
  /** A scheduled integrity_check failed: the core shuts these services down and degrades. */
  onDatabaseDamaged: (report: string) => Promise<void>
}

export function composeServices(db: Db, ctx: ComposeContext): ComposedServices {
  const { opts, logger, emit } = ctx
  const repo = createCredentialsRepo(db)
  const vault = createCredentialVault(ctx.secrets, {
    isDemo: (id) => repo.get(id)?.isDemo === true
  })
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
      void ctx.status().then((s) => emit('app:status-changed', s))
    }
  })
  const demo = createDemoOrg({ credentials, repo, logger })
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
        throw new AppError('BAD_REQUEST', `"${i.name}" has no credential; choose one first.`)
      return credentials.clientFor(i.credentialId)
    },
    onProgress: (p) => emit('runs:progress', p),
    onFinished: (run) => emit('runs:finished', { run }),
    onIntegrationsChanged: () => {
      scheduler.refresh()
      emit('integrations:changed', { integrations: ingest.integrations.list() })
    },
    nextRunAt: (i) => scheduler.nextRunAt(i),
    pageSize: opts.ingestPageSize,
    // A run pauses for the client's backoff cap when Webex stays down past a request's retries.
    ...(opts.webexRetry?.maxDelayMs !== undefined
      ? { outage: { ...DEFAULT_OUTAGE_POLICY, pauseMs: opts.webexRetry.maxDelayMs } }
      : {}),
    deferRecovery: true
  })
  const scheduler = createScheduler({
    list: () => ingest.repos.integrations.list(),
    lastRunAt: (id) => ingest.repos.runs.lastRun(id)?.startedAt ?? null,
    start: (id, trigger) => ingest.runner.start(id, { trigger }),
    markFired: (id, at) => ingest.integrations.setLastScheduledAt(id, at),
    now: () => new Date(),
    logger
  })
  const maintenance = createDbMaintenance({
    db,
    dbFile: ctx.dbFile,
    backupDir: ctx.backupDir,
    lock: ingest.repos.lock,
    logger,
    onDamaged: ctx.onDatabaseDamaged,
    onChanged: () => void ctx.status().then((s) => emit('app:status-changed', s)),
    options: opts.maintenance === false ? { schedule: false } : (opts.maintenance ?? {})
  })

  return {
    handlers: createHandlers({ status: ctx.status, credentials, demo, ingest, maintenance }),
    start: () => {
      ingest.runner.recoverStale()
      credentials.start()
      if (opts.scheduler !== false) scheduler.start()
      maintenance.start()
      // A demo started in an earlier session comes back by itself, without delaying startup (and
      // without the keychain: its token lives in memory).
      void demo.resume().catch((e: unknown) => logger.warn('demo.resume-failed', { error: e }))
    },
    maintenanceStatus: () => maintenance.status(),
    demoRunning: () => demo.isRunning(),
    firstRun: () => repo.list().length === 0,
    shutdown: async () => {
      maintenance.stop()
      scheduler.stop()
      await ingest.runner.shutdown()
      credentials.stop()
      await demo.stop()
      db.close()
    }
  }
}
