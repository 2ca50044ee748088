/** Progress events at most every `intervalMs` (~5/s), with rate and a remaining-time estimate. */
import type { RunCounts, RunKind, RunProgress, RunStatus } from '../../../shared/domain/run'

export type ProgressState = {
  runId: string
  integrationId: string
  kind: RunKind
  pagesRead: number
  recordsWritten: number
  counts: RunCounts
  status: RunStatus
  throttledUntil: number
}

export function createProgressReporter(opts: {
  emit: (p: RunProgress) => void
  now: () => number
  /** Records the previous complete run saw, for the estimate; null when unknown. */
  expectedTotal: number | null
  intervalMs?: number
}) {
  const interval = opts.intervalMs ?? 200
  const started = opts.now()
  let last = 0
  return (s: ProgressState, force = false) => {
    const t = opts.now()
    if (!force && t - last < interval) return
    last = t
    const c = s.counts
    const processed = c.created + c.updated + c.unchanged + c.skipped + c.failed
    const elapsedSec = Math.max(0.001, (t - started) / 1000)
    const rate = processed / elapsedSec
    const remaining =
      opts.expectedTotal !== null && rate > 0 && s.status === 'running'
        ? Math.max(0, ((opts.expectedTotal - processed) / rate) * 1000)
        : null
    opts.emit({
      runId: s.runId,
      integrationId: s.integrationId,
      kind: s.kind,
      pagesRead: s.pagesRead,
      recordsWritten: s.recordsWritten,
      counts: { ...c },
      ratePerSec: Math.round(rate * 10) / 10,
      estimatedRemainingMs: remaining === null ? null : Math.round(remaining),
      status: s.status,
      throttledUntil: s.throttledUntil > t ? s.throttledUntil : null
    })
  }
}
