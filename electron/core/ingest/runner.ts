/**
 * Starts, tracks, cancels and finishes runs: the run lock (one run per integration), resume from the
 * last checkpoint, the "not in Webex" step with its threshold, and the runs:progress/finished events.
 */
import { randomUUID } from 'node:crypto'
import { AppError } from '../errors'
import type { Logger } from '../log/logger'
import type { Db } from '../store/db'
import { writeTransaction } from '../store/transaction'
import type { IntegrationRecord, IntegrationsRepo } from '../store/repositories/integrations-repo'
import { toRunDto, type RunRecord } from '../store/repositories/runs-repo'
import type { WebexClient } from '../webex'
import type { Run, RunKind, RunProgress, RunTrigger } from '../../../shared/domain/run'
import type { PlanSummary } from '../../../shared/domain/plan'
import type { EngineRepos } from '../sync/engine-types'
import { runListing, type EngineDeps, type ListingResult } from '../sync/engine'
import { findMissing, markMissing } from '../sync/not-in-webex'
import { createProgressReporter } from '../sync/progress'
import { HEARTBEAT_MS, lockIsDead, newOwnerId, STALE_MS } from '../sync/run-lock'
import { endOfError, trackingIdOf, type StopReason } from './run-status'
import { applyPlan, planSummary } from './apply-plan'

import type { OutagePolicy } from '../sync/outage'

export const PAGE_SIZE = 1000

export type RunnerDeps = {
  db: Db
  repos: EngineRepos & { integrations: IntegrationsRepo }
  /** A Webex client for an integration (its credential, or the CLI's token). */
  clientFor: (i: IntegrationRecord) => WebexClient
  logger: Logger
  now: () => Date
  onProgress: (p: RunProgress) => void
  onFinished: (run: Run) => void
  pageSize?: number
  staleMs?: number
  /** Minimum gap between progress events (default 200 ms, i.e. ≤5/s). */
  progressIntervalMs?: number
  /** How runs ride out a Webex outage (default: up to 10 pauses of 60 s). */
  outage?: OutagePolicy
  /** Pages written per transaction (default 5, see engine.ts). */
  pagesPerCommit?: number
  /** See NETWORK_BOUND_WAIT_MS in engine.ts (the default). */
  networkBoundWaitMs?: number
  /**
   * Leave marking crashed runs interrupted to the caller (`recoverStale()`), which does it once the
   * database has passed its startup check; by default it happens at creation.
   */
  deferRecovery?: boolean
}

type Active = {
  runId: string
  integrationId: string
  abort: AbortController
  stop: StopReason
  done: Promise<Run>
}

export function createRunner(d: RunnerDeps) {
  const owner = newOwnerId()
  const active = new Map<string, Active>()
  const activeIds = () => new Set([...active.values()].map((a) => a.runId))
  const iso = () => d.now().toISOString()
  const { repos } = d

  /** Marks runs whose holder is gone as interrupted and frees their locks. */
  function recoverStale() {
    const now = d.now().getTime()
    writeTransaction(d.db, () => {
      const locks = new Map(repos.lock.all().map((l) => [l.run_id, l]))
      for (const run of repos.runs.running()) {
        if (activeIds().has(run.id)) continue
        const lock = locks.get(run.id)
        if (
          lock &&
          !lockIsDead(lock, { owner, activeRunIds: activeIds() }, now, d.staleMs ?? STALE_MS)
        )
          continue
        repos.runs.markInterrupted(
          run.id,
          'The run stopped unexpectedly (Roster was closed or crashed); the next run resumes from its checkpoint.',
          iso()
        )
        repos.lock.release(run.id)
      }
      for (const lock of locks.values())
        if (!activeIds().has(lock.run_id) && repos.runs.get(lock.run_id)?.status !== 'running')
          repos.lock.release(lock.run_id)
    })
  }

  function mustIntegration(id: string): IntegrationRecord {
    const i = repos.integrations.get(id)
    if (!i) throw new AppError('NOT_FOUND', 'That integration no longer exists.')
    return i
  }

  /** In one transaction: refuse if running, pick the resume point, insert the run, take the lock. */
  function begin(
    i: IntegrationRecord,
    kind: RunKind,
    trigger: RunTrigger,
    planId: string | null
  ): RunRecord {
    recoverStale()
    return writeTransaction(d.db, () => {
      const held = repos.lock.get(i.id)
      if (held || [...active.values()].some((a) => a.integrationId === i.id))
        throw new AppError('CONFLICT', `"${i.name}" is already running.`)
      const last = kind === 'sync' ? repos.runs.lastSync(i.id) : null
      const resume =
        last &&
        last.status !== 'running' &&
        last.status !== 'succeeded' &&
        last.status !== 'succeeded-with-warnings' &&
        last.checkpointNextUrl
          ? last
          : null
      const id = randomUUID()
      const startedAt = iso()
      repos.runs.insert({
        id,
        integrationId: i.id,
        integrationName: i.name,
        kind,
        trigger,
        startedAt,
        resumedFromRunId: resume?.id ?? null,
        checkpointPages: resume?.checkpointPages ?? 0,
        checkpointNextUrl: resume?.checkpointNextUrl ?? null,
        pageSize: resume?.pageSize ?? d.pageSize ?? PAGE_SIZE,
        planId
      })
      repos.lock.take({ integration_id: i.id, run_id: id, owner, heartbeat_at: startedAt })
      const run = repos.runs.get(id)
      if (!run) throw new Error('run row vanished')
      return run
    })
  }

  function expectedTotal(integrationId: string): number | null {
    const last = repos.runs.lastRun(integrationId)
    if (!last || last.status !== 'succeeded') return null
    const c = last.counts
    return c.created + c.updated + c.unchanged + c.skipped + c.failed || null
  }

  /** Runs `body` as the active run: heartbeat, abort, finish, events, lock release. */
  function track(
    run: RunRecord,
    client: WebexClient | null,
    body: (
      a: Active,
      progress: ReturnType<typeof createProgressReporter>
    ) => Promise<{
      status: Run['status']
      message: string | null
      listing: ListingResult | null
      marked: number
      held: number
      clearCheckpoint: boolean
    }>
  ): Active {
    const abort = new AbortController()
    const entry: Active = {
      runId: run.id,
      integrationId: run.integrationId,
      abort,
      stop: null,
      done: Promise.resolve(null as never)
    }
    const progress = createProgressReporter({
      emit: d.onProgress,
      now: () => Date.now(),
      expectedTotal: expectedTotal(run.integrationId),
      intervalMs: d.progressIntervalMs
    })
    const beat = setInterval(() => {
      try {
        const at = iso()
        repos.lock.heartbeat(run.id, at)
        repos.runs.heartbeat(run.id, at)
      } catch (e) {
        d.logger.warn('run.heartbeat-failed', { runId: run.id, error: e })
      }
    }, HEARTBEAT_MS)
    beat.unref()
    active.set(run.id, entry)
    entry.done = (async () => {
      let end: Awaited<ReturnType<typeof body>>
      const tracking: string[] = []
      try {
        end = await body(entry, progress)
      } catch (e) {
        const { status, message } = endOfError(e, entry.stop)
        if (status === 'failed') d.logger.warn('run.failed', { runId: run.id, error: e })
        const t = trackingIdOf(e)
        if (t) tracking.push(t)
        end = { status, message, listing: null, marked: 0, held: 0, clearCheckpoint: false }
      }
      clearInterval(beat)
      client?.close()
      const at = iso()
      try {
        writeTransaction(d.db, () => {
          if (tracking.length > 0) repos.runs.setTrackingIds(run.id, tracking)
          repos.runs.finish({
            id: run.id,
            status: end.status,
            message: end.message,
            at,
            listingComplete: end.listing?.complete ?? false,
            listingEnd: end.listing?.listingEnd ?? null,
            notInWebexMarked: end.marked,
            heldMarks: end.held,
            clearCheckpoint: end.clearCheckpoint
          })
          repos.lock.release(run.id)
        })
      } catch (e) {
        // Disk still full: the run row stays 'running' and is marked interrupted at the next start.
        d.logger.error('run.finish-failed', { runId: run.id, error: e })
        repos.lock.release(run.id)
      }
      active.delete(run.id)
      const final = toRunDto(repos.runs.get(run.id) ?? run)
      progress(
        {
          runId: run.id,
          integrationId: run.integrationId,
          kind: run.kind,
          pagesRead: final.pagesRead,
          recordsWritten: 0,
          counts: final.counts,
          status: final.status,
          throttledUntil: 0
        },
        true
      )
      d.onFinished(final)
      return final
    })()
    return entry
  }

  /** What the engine needs for one listing: the same for a sync and a preview. */
  const engineDeps = (
    client: WebexClient,
    signal: AbortSignal,
    progress: EngineDeps['progress']
  ): EngineDeps => ({
    db: d.db,
    repos,
    client,
    logger: d.logger,
    now: d.now,
    signal,
    progress,
    ...(d.outage ? { outage: d.outage } : {}),
    ...(d.pagesPerCommit ? { pagesPerCommit: d.pagesPerCommit } : {}),
    ...(d.networkBoundWaitMs !== undefined ? { networkBoundWaitMs: d.networkBoundWaitMs } : {})
  })

  function startSync(integrationId: string, trigger: RunTrigger): { run: Run; done: Promise<Run> } {
    const i = mustIntegration(integrationId)
    const client = d.clientFor(i)
    let run: RunRecord
    try {
      run = begin(i, 'sync', trigger, null)
    } catch (e) {
      client.close()
      throw e
    }
    const entry = track(run, client, async (a, progress) => {
      const listing = await runListing(engineDeps(client, a.abort.signal, progress), {
        run,
        integration: i,
        mode: 'sync',
        startUrl: run.checkpointNextUrl,
        startPages: run.checkpointPages,
        planId: null,
        pageSize: run.pageSize
      })
      return finishSync(run, i, listing)
    })
    return { run: toRunDto(run), done: entry.done }
  }

  function finishSync(run: RunRecord, i: IntegrationRecord, listing: ListingResult) {
    const warnings: string[] = []
    let marked = 0
    let held = 0
    if (!listing.complete)
      warnings.push(
        `The Webex listing ended early (${listing.listingEnd}), so no one was marked "not in Webex".`
      )
    else if (i.scope === 'user-and-saas' && listing.resumed)
      warnings.push(
        'This run resumed an earlier one, so "not in Webex" marks wait for the next full listing.'
      )
    else if (i.scope === 'user-and-saas') {
      const m = findMissing(repos.saas, i.id, listing.seen, i.notInWebexThreshold)
      const at = iso()
      writeTransaction(d.db, () => {
        if (m.held) {
          for (const x of m.missing) repos.runs.addHeld(run.id, x.id)
          held = m.missing.length
        } else if (m.missing.length > 0) {
          marked =
            markMissing(
              repos,
              m.missing.map((x) => x.id),
              run.id,
              at
            ) > 0
              ? m.missing.length
              : 0
          repos.raw.bumpStoreVersion()
        }
      })
      if (m.held)
        warnings.push(
          `${held} SaaS users are missing from Webex, more than the limit of ${m.threshold}: the "not in Webex" marks are held until an admin allows them.`
        )
    }
    if (listing.counts.failed > 0)
      warnings.push(`${listing.counts.failed} records could not be saved.`)
    return {
      status: warnings.length > 0 ? ('succeeded-with-warnings' as const) : ('succeeded' as const),
      message: warnings.length > 0 ? warnings.join(' ') : null,
      listing,
      marked,
      held,
      clearCheckpoint: true
    }
  }

  async function preview(integrationId: string): Promise<PlanSummary> {
    const i = mustIntegration(integrationId)
    const client = d.clientFor(i)
    const planId = randomUUID()
    let run: RunRecord
    try {
      run = begin(i, 'preview', 'manual', planId)
    } catch (e) {
      client.close()
      throw e
    }
    writeTransaction(d.db, () =>
      repos.plans.insert({
        id: planId,
        integrationId: i.id,
        runId: run.id,
        storeVersion: repos.raw.storeVersion(),
        configHash: i.updatedAt,
        createdAt: run.startedAt
      })
    )
    const entry = track(run, client, async (a, progress) => {
      const listing = await runListing(engineDeps(client, a.abort.signal, progress), {
        run,
        integration: i,
        mode: 'preview',
        startUrl: null,
        startPages: 0,
        planId,
        pageSize: run.pageSize
      })
      let missing = 0
      let planHeld = false
      if (listing.complete && i.scope === 'user-and-saas') {
        const m = findMissing(repos.saas, i.id, listing.seen, i.notInWebexThreshold)
        missing = m.missing.length
        planHeld = m.held
        writeTransaction(d.db, () =>
          repos.plans.addItems(
            planId,
            m.missing.map((x) => {
              const row = repos.saas.getRow(x.id)
              return {
                action: 'mark-not-in-webex' as const,
                webexId: x.webexId,
                email: row?.email ?? null,
                displayName: row?.display_name ?? null,
                reason: m.held
                  ? `Held: more than ${m.threshold} would be marked`
                  : 'Not in the complete Webex listing',
                diff: [{ field: 'saas.notInWebex', old: 'false', new: 'true' }],
                payload: { saasUserId: x.id }
              }
            })
          )
        )
      }
      writeTransaction(d.db, () =>
        repos.plans.finish(planId, {
          counts: listing.counts,
          notInWebex: missing,
          held: planHeld,
          complete: listing.complete,
          status: 'ready'
        })
      )
      return {
        status: 'succeeded' as const,
        message: null,
        listing,
        marked: 0,
        held: 0,
        clearCheckpoint: true
      }
    })
    const final = await entry.done
    if (final.status !== 'succeeded') {
      writeTransaction(d.db, () => repos.plans.setStatus(planId, 'failed', null))
      throw new AppError('WEBEX_ERROR', final.message ?? 'The preview failed.')
    }
    return planSummary(repos, planId)
  }

  async function apply(planId: string): Promise<Run> {
    const plan = repos.plans.get(planId)
    if (!plan) throw new AppError('NOT_FOUND', 'That plan no longer exists.')
    if (plan.status !== 'ready')
      throw new AppError(
        'CONFLICT',
        `This plan is ${plan.status}; preview again to get a fresh plan.`
      )
    if (plan.storeVersion !== repos.raw.storeVersion()) {
      writeTransaction(d.db, () => repos.plans.setStatus(planId, 'stale', null))
      throw new AppError(
        'CONFLICT',
        'The local records changed since this preview, so the plan is stale. Preview again.'
      )
    }
    const i = mustIntegration(plan.integrationId)
    const run = begin(i, 'apply', 'manual', planId)
    const entry = track(run, null, async (a, progress) => {
      const r = await applyPlan(
        { db: d.db, repos, now: d.now, signal: a.abort.signal, progress },
        run,
        i,
        plan
      )
      return { ...r, listing: null, clearCheckpoint: true }
    })
    return entry.done
  }

  function allowHeld(runId: string): Run {
    const run = repos.runs.get(runId)
    if (!run) throw new AppError('NOT_FOUND', 'That run no longer exists.')
    if (run.heldMarks === 0) throw new AppError('CONFLICT', 'This run has no held changes.')
    const at = iso()
    writeTransaction(d.db, () => {
      const marked = markMissing(repos, repos.runs.heldIds(runId), runId, at)
      repos.runs.markHeldAllowed(runId, marked > 0 ? run.heldMarks : 0, at)
      repos.raw.bumpStoreVersion()
    })
    const after = repos.runs.get(runId)
    if (!after) throw new AppError('NOT_FOUND', 'That run no longer exists.')
    return toRunDto(after)
  }

  function cancel(runId: string): boolean {
    const a = active.get(runId)
    if (!a) return false
    a.stop = 'cancel'
    a.abort.abort(new AppError('INTERNAL', 'cancelled'))
    return true
  }

  async function shutdown(): Promise<void> {
    const all = [...active.values()]
    for (const a of all) {
      a.stop = 'shutdown'
      a.abort.abort(new AppError('INTERNAL', 'shutdown'))
    }
    await Promise.allSettled(all.map((a) => a.done))
  }

  if (d.deferRecovery !== true) recoverStale()
  return {
    start: (integrationId: string, o: { trigger: RunTrigger }) =>
      Promise.resolve().then(() => startSync(integrationId, o.trigger)),
    preview,
    apply,
    cancel,
    allowHeld,
    shutdown,
    recoverStale,
    isRunning: (integrationId: string) =>
      [...active.values()].some((a) => a.integrationId === integrationId),
    owner
  }
}
export type Runner = ReturnType<typeof createRunner>
