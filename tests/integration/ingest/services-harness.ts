/**
 * The ingest services over a real SQLite file and the simulator, without the rest of the core: tests
 * that need the connection itself (PRAGMA max_page_count) or a custom token provider use this.
 */
import { join } from 'node:path'
import { openDatabase, type Db } from '../../../electron/core/store'
import {
  createIngestServices,
  type IngestServices
} from '../../../electron/core/ingest/ingest-services'
import { silentLogger } from '../../../electron/core/log/logger'
import { createWebexClient, type TokenProvider } from '../../../electron/core/webex'
import { startWebexSim } from '../../../electron/webex-sim'
import type { SimHandle, SimOptions } from '../../../electron/webex-sim/types'
import type { CreateIntegrationInput } from '../../../shared/domain/integration'
import type { Run, RunProgress } from '../../../shared/domain/run'
import { makeDataDir } from '../../support/data-dir'
import { FAST_RETRY } from './ingest-harness'

export type ServicesHarness = {
  db: Db
  sim: SimHandle
  s: IngestServices
  file: string
  progress: RunProgress[]
  onProgress: (fn: (p: RunProgress) => void) => void
  integration(input?: Partial<CreateIntegrationInput>): string
  sync(id: string): Promise<Run>
  close(): Promise<void>
}

export async function startServicesHarness(
  simOpts: SimOptions = {},
  opts: {
    tokens?: (sim: SimHandle) => TokenProvider
    pageSize?: number
    pagesPerCommit?: number
    networkBoundWaitMs?: number
  } = {}
): Promise<ServicesHarness> {
  const sim = await startWebexSim({ users: 40, seed: 3, ...simOpts })
  const { dir, cleanup } = makeDataDir('roster-svc-')
  const file = join(dir, 'roster.db')
  const db = openDatabase(file)
  const progress: RunProgress[] = []
  let hook: (p: RunProgress) => void = () => undefined
  const s = createIngestServices({
    db,
    logger: silentLogger,
    now: () => new Date(),
    clientFor: () =>
      createWebexClient({
        baseUrl: sim.url,
        tokens: opts.tokens?.(sim) ?? { getAccessToken: () => Promise.resolve(sim.token) },
        retry: FAST_RETRY
      }),
    onProgress: (p) => {
      progress.push(p)
      hook(p)
    },
    onFinished: () => undefined,
    onIntegrationsChanged: () => undefined,
    nextRunAt: () => null,
    pageSize: opts.pageSize,
    // The fault tests reason page by page; batching has its own test (commit-batching.test.ts).
    pagesPerCommit: opts.pagesPerCommit ?? 1,
    networkBoundWaitMs: opts.networkBoundWaitMs,
    // Outage pauses as short as the test backoff.
    outage: { maxPauses: 10, pauseMs: FAST_RETRY.maxDelayMs },
    // Every page reports, so a test can act after page N.
    progressIntervalMs: 0
  })
  return {
    db,
    sim,
    s,
    file,
    progress,
    onProgress: (fn) => (hook = fn),
    integration: (input = {}) => s.integrations.create({ name: 'Webex users', ...input }).id,
    async sync(id) {
      const { done } = await s.runner.start(id, { trigger: 'manual' })
      return done
    },
    async close() {
      await s.runner.shutdown()
      db.close()
      await sim.stop()
      cleanup()
    }
  }
}
