/** Apply: executes a stored plan's creates, updates and "not in Webex" marks, in page-sized chunks. */
import type { PlanSummary } from '../../../shared/domain/plan'
import { emptyCounts, type RunStatus } from '../../../shared/domain/run'
import { AppError } from '../errors'
import type { Db } from '../store/db'
import { writeTransaction } from '../store/transaction'
import type { IntegrationRecord } from '../store/repositories/integrations-repo'
import type { PlanHeader } from '../store/repositories/plans-repo'
import type { RunRecord } from '../store/repositories/runs-repo'
import type { EngineRepos } from '../sync/engine-types'
import { markMissing } from '../sync/not-in-webex'
import type { ProgressState } from '../sync/progress'
import type { RecordPlan } from '../sync/record-plan'
import { writeRecordPlan } from '../sync/write-records'

const CHUNK = 500

export function planSummary(repos: EngineRepos, planId: string): PlanSummary {
  const p = repos.plans.get(planId)
  if (!p) throw new AppError('NOT_FOUND', 'That plan no longer exists.')
  return {
    id: p.id,
    integrationId: p.integrationId,
    runId: p.runId,
    status: p.status,
    createdAt: p.createdAt,
    appliedAt: p.appliedAt,
    counts: p.counts,
    notInWebex: p.notInWebex,
    notInWebexHeld: p.notInWebexHeld,
    listingComplete: p.listingComplete,
    stale:
      p.status === 'stale' || (p.status === 'ready' && p.storeVersion !== repos.raw.storeVersion())
  }
}

export async function applyPlan(
  d: {
    db: Db
    repos: EngineRepos
    now: () => Date
    signal: AbortSignal
    progress: (s: ProgressState, force?: boolean) => void
  },
  run: RunRecord,
  i: IntegrationRecord,
  plan: PlanHeader
): Promise<{ status: RunStatus; message: string | null; marked: number; held: number }> {
  const { repos } = d
  const counts = emptyCounts()
  counts.unchanged = plan.counts.unchanged
  counts.skipped = plan.counts.skipped
  let after = 0
  let written = 0
  let pages = 0
  const marks: string[] = []
  for (;;) {
    if (d.signal.aborted) throw d.signal.reason
    const items = repos.plans.actionableAfter(plan.id, after, CHUNK)
    if (items.length === 0) break
    const now = d.now().toISOString()
    writeTransaction(d.db, () => {
      const ctx = { ...repos, runId: run.id, integrationId: i.id, syncTime: run.startedAt, now }
      for (const item of items) {
        after = item.seq
        if (item.action === 'mark-not-in-webex') {
          const id = (item.payload as { saasUserId?: string } | null)?.saasUserId
          if (id) marks.push(id)
          continue
        }
        written += writeRecordPlan(item.payload as RecordPlan, ctx)
        counts[item.action === 'create' ? 'created' : 'updated']++
      }
      pages++
      if (written > 0) repos.raw.bumpStoreVersion()
      repos.runs.checkpoint({
        id: run.id,
        counts,
        pagesRead: pages,
        recordsWritten: written,
        nextUrl: null,
        checkpointPages: pages,
        pageSize: CHUNK,
        at: now
      })
    })
    d.progress({
      runId: run.id,
      integrationId: i.id,
      kind: 'apply',
      pagesRead: pages,
      recordsWritten: written,
      counts,
      status: 'running',
      throttledUntil: 0
    })
    await new Promise((r) => setImmediate(r))
  }
  const now = d.now().toISOString()
  let marked = 0
  let held = 0
  writeTransaction(d.db, () => {
    if (plan.notInWebexHeld) {
      for (const id of marks) repos.runs.addHeld(run.id, id)
      held = marks.length
    } else if (marks.length > 0) {
      marked = marks.length
      markMissing(repos, marks, run.id, now)
      repos.raw.bumpStoreVersion()
    }
    repos.plans.setStatus(plan.id, 'applied', now)
  })
  return held > 0
    ? {
        status: 'succeeded-with-warnings',
        message: `${held} "not in Webex" marks are held until an admin allows them.`,
        marked,
        held
      }
    : { status: 'succeeded', message: null, marked, held }
}
