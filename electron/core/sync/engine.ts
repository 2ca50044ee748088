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
import { checkpointWal } from '../store/pragmas'
import { createWalCheckpointer } from '../store/wal-checkpointer'
import type { Logger } from '../log/logger'
import type { PeoplePage, WebexClient } from '../webex'
import type { RawItem } from '../webex/people-page-decode'
import { WebexApiError } from '../webex/errors'
import type { RunCounts } from '../../../shared/domain/run'
import { emptyCounts } from '../../../shared/domain/run'
import type { PlanItemInput } from '../store/repositories/plans-repo'
import { hashRawBytes } from './raw-items'
import { decidePage, type DecideConfig } from './match'
import { filtersReadRaw } from '../mapping/filter-eval'
import { readsRawPerson } from '../mapping/source-value'
import { customLabelsOf, customTypesOf, loadCustomFields } from '../mapping/custom-types'
import { syncKeyProblems } from '../../../shared/domain/integration'
import { AppError } from '../errors'
import type { EngineRepos } from './engine-types'
import { writeRecordPlan, type WriteContext } from './write-records'
import type { ProgressState } from './progress'
import type { RecordPlan } from './record-plan'
import { planFingerprint } from './unchanged-fast-path'
import type { RawPlanState } from '../store/repositories/history-repo'
import { DEFAULT_OUTAGE_POLICY, isOutage, pause, type OutagePolicy } from './outage'
import { readsWebexNames } from './reads-names'

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
  /** Pauses allowed when Webex stays down past a request's retries (default 10 × 60 s). */
  outage?: OutagePolicy
  /** Pages written per transaction (default 5), while the listing keeps up (see below). */
  pagesPerCommit?: number
  /** A wait for a page this long commits the pages held at once (default NETWORK_BOUND_WAIT_MS). */
  networkBoundWaitMs?: number
}

export const DEFAULT_PAGES_PER_COMMIT = 5
/**
 * A page that kept the engine waiting this long means Webex, not this machine, sets the pace: the
 * pages held are committed at once, while the next page's request is in flight, instead of after
 * the wait. A commit is synchronous, so one made after the next page arrived delays the request
 * after it by its whole length. With Webex answering each page 300 ms late, five pages per commit
 * made a 100k ingest 14 % slower than the SDK's bare listing (docs/benchmarks.md, round 8). Below
 * this wait the listing is CPU-bound, and bigger commits write far less (round 3).
 */
export const NETWORK_BOUND_WAIT_MS = 100

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

/**
 * Parsed raw items of `people`, only when the mapping or a filter rule reads the raw person (JSON
 * paths, templates): the impact preview always evaluates them over the raw person, and so must the
 * sync.
 */
function rawObjectsFor(
  people: readonly { id: string }[],
  texts: ReadonlyMap<string, RawItem>,
  cfg: Pick<DecideConfig, 'mapping' | 'filters'>
) {
  const out = new Map<string, unknown>()
  if (!cfg.mapping.some((e) => readsRawPerson(e.source)) && !filtersReadRaw(cfg.filters)) return out
  for (const { id } of people) {
    const t = texts.get(id)
    if (t !== undefined && !out.has(id)) out.set(id, JSON.parse(t.text))
  }
  return out
}

/** One page's raw items: text and hash by id, and what the store knows about each. */
type PageRaw = {
  texts: ReadonlyMap<string, RawItem>
  hashes: Map<string, string>
  states: Map<string, RawPlanState>
}

const isConstraintError = (e: unknown) =>
  e instanceof Error &&
  'code' in e &&
  String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')

export async function runListing(deps: EngineDeps, job: EngineJob): Promise<ListingResult> {
  // A big sync's checkpoints run on a second thread (store/wal-checkpointer.ts).
  const checkpointer =
    job.mode === 'sync' ? createWalCheckpointer(deps.db, { logger: deps.logger }) : null
  try {
    return await listAndWrite(deps, job, () => checkpointer?.nudge())
  } finally {
    await checkpointer?.stop()
    if (job.mode === 'sync') checkpointWal(deps.db)
  }
}

async function listAndWrite(
  deps: EngineDeps,
  job: EngineJob,
  onCommitted: () => void
): Promise<ListingResult> {
  const { repos, run, integration: i } = { ...job, repos: deps.repos }
  const syncTime = run.startedAt
  const customFields = loadCustomFields(deps.db)
  // A custom sync key on a missing or non-unique field would match the wrong people: refuse the run.
  const keyProblems = syncKeyProblems(i.syncKeys, customFields)
  if (keyProblems.length > 0)
    throw new AppError('BAD_REQUEST', `Choose other sync keys: ${keyProblems.join('; ')}.`)
  const reads = readsWebexNames(i)
  const names = reads
    ? await loadNames(deps.client, deps.logger)
    : { roles: new Map<string, string>(), licenses: new Map<string, string>() }
  // Kept for the impact preview, which plans on the last read without calling Webex.
  if (reads && job.mode === 'sync') repos.webexNames.save(names, syncTime)
  const cfg: DecideConfig = {
    mapping: i.mapping,
    filters: i.filters,
    syncKeys: i.syncKeys,
    preference: i.preference,
    scope: i.scope,
    names,
    syncTime,
    customTypes: customTypesOf(customFields),
    customLabels: customLabelsOf(customFields)
  }
  // Null when the configuration reads the clock: then every person is planned in full.
  const fingerprint = planFingerprint(cfg)
  const counts = emptyCounts()
  const seen = new Set<string>()
  let pagesRead = 0
  let recordsWritten = 0
  let checkpointPages = job.startPages
  let startUrl = job.startUrl
  /** The next URL saved with the last committed page: where a resume after an outage starts. */
  let lastNextUrl: string | null = null
  let pauses = 0
  /** Whether this run read the listing from its first page (pauses for an outage keep that true). */
  let fromFirstPage = job.startUrl === null
  const outage = deps.outage ?? DEFAULT_OUTAGE_POLICY
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

  /** Hashes of a page's raw items, from the listing's fast-path question until the page is written. */
  const pageHashes = new WeakMap<ReadonlyMap<string, RawItem>, Map<string, string>>()
  const hashesOf = (items: ReadonlyMap<string, RawItem>): Map<string, string> => {
    let hashes = pageHashes.get(items)
    if (!hashes) {
      hashes = new Map<string, string>()
      for (const [id, item] of items) hashes.set(id, hashRawBytes(item.bytes))
      pageHashes.set(items, hashes)
    }
    return hashes
  }
  /**
   * The unchanged fast path, asked by the listing before it decodes a page: people it names are
   * counted unchanged and never decoded, parsed or planned. A preview stores a plan item for
   * everyone, so it plans everyone in full. Asking before earlier held pages are written is safe:
   * a page's writes touch only its own people's records and raw rows.
   */
  /**
   * No raw person stored when the current listing began (a first ingest): then no person of this
   * listing has a stored state (the listing drops ids it already handed out), so the per-page
   * questions below are skipped. Set again for every listing of the run.
   */
  let rawEmpty = false
  const knownUnchanged = (items: ReadonlyMap<string, RawItem>): ReadonlySet<string> => {
    if (job.mode !== 'sync' || fingerprint === null || rawEmpty) return new Set()
    return repos.raw.knownUnchanged([...hashesOf(items)], fingerprint)
  }

  /** One page's rows, its page record and the run's checkpoint. Runs inside commitPages' transaction. */
  const writePage = (page: PeoplePage) => {
    const t0 = performance.now()
    const now = deps.now().toISOString()
    const texts = page.rawItems
    let written = 0
    {
      const hashes = hashesOf(texts)
      pageHashes.delete(texts)
      // Stored state of the people planned in full (the fast-path ones need none).
      const toPlan = page.items
      const states = rawEmpty
        ? new Map<string, RawPlanState>()
        : repos.raw.statesOf(toPlan.map((p) => p.id))
      const raw: PageRaw = { texts, hashes, states }
      const fast = new Set(page.knownIds)
      counts.unchanged += fast.size
      const plans = decidePage(toPlan, rawObjectsFor(toPlan, texts, cfg), cfg, repos)
      if (job.mode === 'sync') written = writePlans(plans, raw, fast, now)
      else storePlans(plans)
      for (const id of texts.keys()) seen.add(id)
      pagesRead++
      checkpointPages++
      recordsWritten += written
      if (written > 0) repos.raw.bumpStoreVersion()
      const writeMs = performance.now() - t0
      repos.runs.addPage({
        runId: run.id,
        pageNumber: checkpointPages,
        items: texts.size,
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
    }
  }

  /**
   * A few pages per transaction: every index on a random key dirties pages across its whole B-tree
   * on each commit, so fewer, larger commits write far less (docs/benchmarks.md). The checkpoint of
   * the last page is in the same transaction, so a crash still leaves whole pages only.
   */
  const commitPages = (pages: PeoplePage[]) => {
    if (pages.length === 0) return
    writeTransaction(deps.db, () => pages.forEach(writePage))
    onCommitted()
    lastNextUrl = pages[pages.length - 1]?.nextUrl ?? lastNextUrl
    deps.progress(state())
  }
  const pagesPerCommit = Math.max(1, deps.pagesPerCommit ?? DEFAULT_PAGES_PER_COMMIT)
  const networkBoundWaitMs = deps.networkBoundWaitMs ?? NETWORK_BOUND_WAIT_MS

  const writePlans = (
    plans: RecordPlan[],
    raw: PageRaw,
    fast: ReadonlySet<string>,
    now: string
  ): number => {
    let written = 0
    const planned = new Map(plans.map((p) => [p.webexId, p]))
    for (const [id, item] of raw.texts) {
      // Fast-path people: their raw row and plan state are current by definition.
      if (fast.has(id)) continue
      const plan = planned.get(id)
      const hash = raw.hashes.get(id) ?? hashRawBytes(item.bytes)
      const state = raw.states.get(id)
      const result = plan?.hashes && fingerprint !== null ? plan.hashes : null
      // The stored plan state stays true while the raw JSON is the same (it says what that JSON
      // maps to under that configuration), so it is rewritten only with new record hashes, or, for
      // a person planned "unchanged" under a new configuration, when this integration owns the
      // record: two integrations over one org then do not rewrite every raw row back and forth.
      const keepOld =
        state !== undefined &&
        state.hash === hash &&
        (plan === undefined ||
          plan.action === 'skip' ||
          (plan.action === 'unchanged' && state.personIntegrationId !== i.id))
      if (keepOld) continue
      written += repos.raw.save({
        webexId: id,
        json: item.bytes,
        hash,
        storedHash: state?.hash ?? null,
        runId: run.id,
        planFp: result ? fingerprint : null,
        personHash: result?.person ?? null,
        saasHash: result?.saas ?? null
      })
    }
    const ctx = { ...repos, runId: run.id, integrationId: i.id, syncTime, now }
    // The whole page in one savepoint, no savepoint per record (each one cost a journal entry and
    // an FTS5 flush). Only if a record violates a constraint is the page redone record by record,
    // so that record fails alone (its siblings are still written).
    let pageCounts: Partial<RunCounts>
    try {
      const r = deps.db.transaction(() => writeRecords(plans, ctx, now, false))()
      written += r.written
      pageCounts = r.counts
    } catch (e) {
      if (!isConstraintError(e)) throw e
      const r = writeRecords(plans, ctx, now, true)
      written += r.written
      pageCounts = r.counts
    }
    for (const [k, v] of Object.entries(pageCounts) as [keyof RunCounts, number][]) counts[k] += v
    return written
  }

  const writeRecords = (
    plans: RecordPlan[],
    ctx: WriteContext,
    now: string,
    isolate: boolean
  ): { written: number; counts: Partial<RunCounts> } => {
    let written = 0
    const c = { skipped: 0, unchanged: 0, created: 0, updated: 0, failed: 0 }
    for (const plan of plans) {
      if (plan.action === 'skip') {
        c.skipped++
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
        c.unchanged++
        continue
      }
      if (!isolate) {
        written += writeRecordPlan(plan, ctx)
        c[plan.action === 'create' ? 'created' : 'updated']++
        continue
      }
      try {
        // A savepoint for this record: a constraint failure fails this record, not the page.
        written += deps.db.transaction(() => writeRecordPlan(plan, ctx))()
        c[plan.action === 'create' ? 'created' : 'updated']++
      } catch (e) {
        if (!isConstraintError(e)) throw e
        c.failed++
        // Its raw row was saved with the plan's state before the record failed: not true now.
        repos.raw.forgetPlan(plan.webexId)
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
    return { written, counts: c }
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
    rawEmpty = repos.raw.isEmpty()
    const listing = deps.client.listPeople(
      {},
      {
        pageSize: job.pageSize,
        signal: deps.signal,
        knownItems: knownUnchanged,
        ...(startUrl ? { startUrl } : {})
      }
    )
    const it = listing[Symbol.asyncIterator]()
    const held: PeoplePage[] = []
    const flush = () => commitPages(held.splice(0))
    try {
      let next = it.next()
      for (;;) {
        const waitFrom = performance.now()
        const r = await next
        const waited = performance.now() - waitFrom
        if (r.done) break
        if (deps.signal.aborted) break
        next = it.next()
        // If writing fails, the prefetch's own failure must not surface as unhandled.
        next.catch(() => undefined)
        held.push(r.value)
        if (held.length >= pagesPerCommit || waited >= networkBoundWaitMs) flush()
      }
      flush()
      if (deps.signal.aborted) {
        await it.return?.()
        throw deps.signal.reason instanceof Error ? deps.signal.reason : new Error('aborted')
      }
    } catch (e) {
      // Pages read before a failure are whole and valid: keep them (and their checkpoint).
      flush()
      if (startUrl && pagesRead === 0 && isRejectedCursor(e)) {
        deps.logger.warn('sync.cursor-rejected', { runId: run.id })
        startUrl = null
        checkpointPages = 0
        fromFirstPage = true
        continue
      }
      if (isOutage(e) && pauses < outage.maxPauses && !deps.signal.aborted) {
        pauses++
        deps.logger.warn('sync.paused-for-outage', { runId: run.id, pauses, error: e })
        deps.progress({ ...state(), throttledUntil: Date.now() + outage.pauseMs }, true)
        await pause(outage.pauseMs, deps.signal)
        // Pages already committed are not read again: go on after the last one.
        if (lastNextUrl !== null) startUrl = lastNextUrl
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
      resumed: !fromFirstPage
    }
  }
}
