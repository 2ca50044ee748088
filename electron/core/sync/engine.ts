/**
 * The resumable ingest: streams GET /people page by page (never the whole org in memory), decides
 * per person, and commits each page in ONE transaction together with the run's checkpoint (B2.7).
 * In `preview` mode the same decisions are stored as plan items instead of being written.
 *
 * The next page is requested before the current one is written, so fetching N+1 overlaps writing N.
 */
import type { IntegrationRecord } from '../store/repositories/integrations-repo'
import type { RunRecord } from '../store/repositories/runs-repo'
import type { Db } from '../store/db'
import { writeTransaction } from '../store/transaction'
import type { Logger } from '../log/logger'
import type { PeoplePage, WebexClient } from '../webex'
import { WebexApiError } from '../webex/errors'
import type { RunCounts } from '../../../shared/domain/run'
import { emptyCounts } from '../../../shared/domain/run'
import type { PlanItemInput } from '../store/repositories/plans-repo'
import { hashText } from './record-values'
import { decidePage, type DecideConfig } from './match'
import type { EngineRepos } from './engine-types'
import { writeRecordPlan } from './write-records'
import type { ProgressState } from './progress'
import type { RecordPlan } from './record-plan'

export type EngineJob = {
  run: RunRecord
  integration: IntegrationRecord
  mode: 'sync' | 'preview'
  /** Resume cursor and the pages already committed before it. */
  startUrl: string | null
  startPages: number
  planId: string | null
  pageSize: number
}

export type EngineDeps = {
  db: Db
  repos: EngineRepos
  client: WebexClient
  logger: Logger
  now: () => Date
  signal: AbortSignal
  progress: (s: ProgressState, force?: boolean) => void
}

export type ListingResult = {
  counts: RunCounts
  pagesRead: number
  recordsWritten: number
  complete: boolean
  listingEnd: string
  /** Every Webex ID the listing returned (for "not in Webex"). */
  seen: Set<string>
  /** True when the listing did not start from the beginning in this run. */
  resumed: boolean
}

/** A 4xx on a saved cursor (not auth, not throttling): start the enumeration again. */
const isRejectedCursor = (e: unknown) =>
  e instanceof WebexApiError &&
  e.status >= 400 &&
  e.status < 500 &&
  ![401, 403, 423, 429].includes(e.status)

async function loadNames(client: WebexClient, logger: Logger) {
  const safe = async <T>(what: string, fn: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await fn()
    } catch (e) {
      if (e instanceof WebexApiError && (e.status === 403 || e.status === 404)) {
        logger.warn('sync.names-unavailable', { what, status: e.status })
        return []
      }
      throw e
    }
  }
  const [roles, licenses] = [
    await safe('roles', () => client.listRoles()),
    await safe('licenses', () => client.listLicenses())
  ]
  return {
    roles: new Map(roles.map((r) => [r.id, r.name ?? r.id])),
    licenses: new Map(licenses.map((l) => [l.id, l.name ?? l.id]))
  }
}

/** The page's items as Webex sent them (before validation), by id: the raw side table keeps these. */
function rawItemsById(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>()
  const body = JSON.parse(text) as { items?: unknown }
  if (!Array.isArray(body.items)) return out
  for (const r of body.items as unknown[])
    if (r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string')
      out.set((r as { id: string }).id, r)
  return out
}

export async function runListing(deps: EngineDeps, job: EngineJob): Promise<ListingResult> {
  const { repos, run, integration: i } = { ...job, repos: deps.repos }
  const syncTime = run.startedAt
  const names =
    i.scope === 'user-and-saas'
      ? await loadNames(deps.client, deps.logger)
      : { roles: new Map<string, string>(), licenses: new Map<string, string>() }
  const cfg: DecideConfig = {
    mapping: i.mapping,
    filters: i.filters,
    syncKeys: i.syncKeys,
    preference: i.preference,
    scope: i.scope,
    names,
    syncTime
  }
  const counts = emptyCounts()
  const seen = new Set<string>()
  let pagesRead = 0
  let recordsWritten = 0
  let checkpointPages = job.startPages
  let startUrl = job.startUrl
  const state = (): ProgressState => ({
    runId: run.id,
    integrationId: i.id,
    kind: run.kind,
    pagesRead,
    recordsWritten,
    counts,
    status: 'running',
    throttledUntil: deps.client.throttledUntil
  })

  const commitPage = (page: PeoplePage) => {
    const t0 = performance.now()
    const now = deps.now().toISOString()
    const rawById = rawItemsById(page.rawText)
    let written = 0
    writeTransaction(deps.db, () => {
      const plans = decidePage(page.items, rawById, cfg, repos)
      if (job.mode === 'sync') written = writePlans(plans, rawById, now)
      else storePlans(plans)
      for (const p of page.items) seen.add(p.id)
      pagesRead++
      checkpointPages++
      recordsWritten += written
      if (written > 0) repos.raw.bumpStoreVersion()
      const writeMs = performance.now() - t0
      repos.runs.addPage({
        runId: run.id,
        pageNumber: checkpointPages,
        items: page.items.length,
        pageSize: page.pageSize,
        fetchMs: page.durationMs,
        writeMs,
        written,
        trackingId: page.trackingId,
        at: now
      })
      repos.runs.checkpoint({
        id: run.id,
        counts,
        pagesRead,
        recordsWritten,
        // A preview is never resumed: it keeps no cursor.
        nextUrl: job.mode === 'sync' ? page.nextUrl : null,
        checkpointPages,
        pageSize: page.pageSize,
        at: now
      })
      repos.lock.heartbeat(run.id, now)
    })
    deps.progress(state())
  }

  const writePlans = (plans: RecordPlan[], rawById: Map<string, unknown>, now: string): number => {
    let written = 0
    const rawHashes = repos.raw.hashesOf([...rawById.keys()])
    for (const [id, raw] of rawById) {
      const json = JSON.stringify(raw)
      const hash = hashText(json)
      if (rawHashes.get(id) !== hash) written += repos.raw.save(id, json, hash, run.id)
    }
    const ctx = { ...repos, runId: run.id, integrationId: i.id, syncTime, now }
    for (const plan of plans) {
      if (plan.action === 'skip') {
        counts.skipped++
        repos.runs.addItem({
          runId: run.id,
          outcome: 'skipped',
          webexId: plan.webexId,
          email: plan.email,
          reason: plan.reason ?? 'Skipped',
          at: now
        })
        continue
      }
      if (plan.action === 'unchanged') {
        counts.unchanged++
        continue
      }
      try {
        // A savepoint per record: a constraint failure fails this record, not the page.
        written += deps.db.transaction(() => writeRecordPlan(plan, ctx))()
        counts[plan.action === 'create' ? 'created' : 'updated']++
      } catch (e) {
        const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : ''
        if (!code.startsWith('SQLITE_CONSTRAINT')) throw e
        counts.failed++
        repos.runs.addItem({
          runId: run.id,
          outcome: 'failed',
          webexId: plan.webexId,
          email: plan.email,
          reason: `Could not be saved: ${(e as Error).message}`,
          at: now
        })
      }
    }
    return written
  }

  const storePlans = (plans: RecordPlan[]) => {
    const items: PlanItemInput[] = plans.map((p) => ({
      action: p.action,
      webexId: p.webexId,
      email: p.email,
      displayName: p.displayName,
      reason: p.reason,
      diff: p.diff,
      payload: p.action === 'create' || p.action === 'update' ? p : null
    }))
    for (const p of plans)
      counts[
        p.action === 'create'
          ? 'created'
          : p.action === 'update'
            ? 'updated'
            : p.action === 'skip'
              ? 'skipped'
              : 'unchanged'
      ]++
    if (job.planId) repos.plans.addItems(job.planId, items)
  }

  for (;;) {
    const listing = deps.client.listPeople(
      {},
      { pageSize: job.pageSize, signal: deps.signal, ...(startUrl ? { startUrl } : {}) }
    )
    const it = listing[Symbol.asyncIterator]()
    try {
      let next = it.next()
      for (;;) {
        const r = await next
        if (r.done) break
        if (deps.signal.aborted) break
        next = it.next()
        // If writing fails, the prefetch's own failure must not surface as unhandled.
        next.catch(() => undefined)
        commitPage(r.value)
      }
      if (deps.signal.aborted) {
        await it.return?.()
        throw deps.signal.reason instanceof Error ? deps.signal.reason : new Error('aborted')
      }
    } catch (e) {
      if (startUrl && pagesRead === 0 && isRejectedCursor(e)) {
        deps.logger.warn('sync.cursor-rejected', { runId: run.id })
        startUrl = null
        checkpointPages = 0
        continue
      }
      throw e
    }
    const outcome = listing.outcome()
    return {
      counts,
      pagesRead,
      recordsWritten,
      complete: outcome.complete,
      listingEnd: outcome.reason,
      seen,
      resumed: startUrl !== null
    }
  }
}
