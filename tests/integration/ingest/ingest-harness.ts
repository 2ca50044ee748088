/**
 * A real core (temp data folder, in-memory keychain stand-in) against the Webex simulator, with
 * helpers to create a token credential and an integration, run a sync and wait for its end.
 */
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCore, DATABASE_FILE, type Core } from '../../../electron/core/host/core'
import type { CoreOptions } from '../../../electron/core/host/core-types'
import { startWebexSim } from '../../../electron/webex-sim'
import type { SimHandle, SimOptions } from '../../../electron/webex-sim/types'
import type { RequestChannel } from '../../../shared/contract/channels'
import type { RequestInput, RequestOutput } from '../../../shared/contract/contract'
import type { Envelope } from '../../../shared/contract/envelope'
import type { CreateIntegrationInput, Integration } from '../../../shared/domain/integration'
import type { Run, RunProgress } from '../../../shared/domain/run'
import { makeDataDir } from '../../support/data-dir'
import { createMemorySecretStore } from '../../support/memory-secret-store'

export const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20, defaultRetryAfterMs: 50 }

export type IngestHarness = {
  core: Core
  sim: SimHandle
  dir: string
  progress: RunProgress[]
  finished: Run[]
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>
  raw(channel: RequestChannel, input: unknown): Promise<Envelope<unknown>>
  /** A token credential for the sim plus a launched integration (defaults: the brief's). */
  integration(input?: Partial<CreateIntegrationInput>): Promise<Integration>
  /** run-now, then wait for runs:finished of that run. */
  sync(integrationId: string): Promise<Run>
  waitFinished(runId: string): Promise<Run>
  /** A second read-only connection for assertions. */
  db(): Database.Database
  restart(opts?: Partial<CoreOptions>): Promise<void>
  close(): Promise<void>
}

export async function startIngestHarness(
  simOpts: SimOptions = {},
  coreOpts: Partial<CoreOptions> = {}
): Promise<IngestHarness> {
  const sim = await startWebexSim({ users: 40, seed: 11, ...simOpts })
  const { dir, cleanup } = makeDataDir('roster-ingest-')
  const secrets = createMemorySecretStore()
  const progress: RunProgress[] = []
  const finished: Run[] = []
  const waiters = new Map<string, (r: Run) => void>()
  let credentialId: string | null = null
  const readers: Database.Database[] = []
  const boot = (extra: Partial<CoreOptions> = {}) =>
    createCore({
      dataDir: dir,
      appVersion: '0.0.0-test',
      webexBaseUrl: sim.url,
      secretStore: secrets,
      scheduler: false,
      webexRetry: FAST_RETRY,
      host: { openExternal: () => Promise.resolve() },
      ...coreOpts,
      ...extra
    })
  const listen = (core: Core) =>
    core.onEvent((channel, payload) => {
      if (channel === 'runs:progress') progress.push(payload as RunProgress)
      if (channel === 'runs:finished') {
        const run = (payload as { run: Run }).run
        finished.push(run)
        waiters.get(run.id)?.(run)
      }
    })
  const h: IngestHarness = {
    core: await boot(),
    sim,
    dir,
    progress,
    finished,
    raw: (channel, input) => h.core.call(channel, input),
    async call(channel, input) {
      const env = await h.core.call(channel, input)
      if (!env.ok) {
        // INTERNAL hides details from the caller; a test wants them.
        const detail = env.error.code === 'INTERNAL' ? logTail(dir) : ''
        throw Object.assign(new Error(`${env.error.message} ${detail}`), { code: env.error.code })
      }
      return env.value as never
    },
    async integration(input = {}) {
      if (!credentialId) {
        const c = await h.call('credentials:create', {
          authType: 'token',
          name: 'Sim',
          owner: 'tests',
          accessToken: sim.token,
          baseUrl: sim.url
        })
        credentialId = c.id
      }
      const created = await h.call('integrations:create', {
        name: 'Webex users',
        credentialId,
        ...input
      })
      return h.call('integrations:launch', { id: created.id })
    },
    waitFinished(runId) {
      const done = finished.find((r) => r.id === runId)
      if (done) return Promise.resolve(done)
      return new Promise((resolve) => waiters.set(runId, resolve))
    },
    async sync(integrationId) {
      const run = await h.call('integrations:run-now', { id: integrationId })
      return h.waitFinished(run.id)
    },
    db() {
      const d = new Database(join(dir, DATABASE_FILE), { readonly: true })
      readers.push(d)
      return d
    },
    async restart(extra) {
      await h.core.close()
      h.core = await boot(extra)
      unlisten = listen(h.core)
    },
    async close() {
      for (const r of readers) r.close()
      unlisten()
      await h.core.close()
      await sim.stop()
      cleanup()
    }
  }
  let unlisten = listen(h.core)
  return h
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'logs', 'roster.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('internal-error'))
      .slice(-3)
      .join('\n')
  } catch {
    return ''
  }
}

/** Row counts and a digest of the record tables, to compare two stores. */
export function recordSnapshot(db: Database.Database) {
  const people = db
    .prepare('SELECT webex_id, email, display_name, values_hash FROM people ORDER BY webex_id')
    .all()
  const saas = db
    .prepare('SELECT webex_id, email, values_hash, not_in_webex FROM saas_users ORDER BY webex_id')
    .all()
  return { people, saas }
}
