/** Plain words and numbers for runs: statuses, kinds, durations, counts. */
import type { RunCounts, RunKind, RunStatus } from '../../../../shared/domain/run'

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  'succeeded-with-warnings': 'Succeeded with warnings',
  failed: 'Failed',
  interrupted: 'Interrupted',
  cancelled: 'Cancelled'
}

export const RUN_KIND_LABELS: Record<RunKind, string> = {
  sync: 'Sync',
  preview: 'Preview',
  apply: 'Apply plan'
}

const numberFormat = new Intl.NumberFormat()
export const formatCount = (n: number): string => numberFormat.format(n)

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  const sec = ms / 1000
  if (sec < 60) return `${sec.toFixed(1)} s`
  const min = Math.floor(sec / 60)
  const rest = Math.round(sec % 60)
  if (min < 60) return `${min} min ${rest} s`
  return `${Math.floor(min / 60)} h ${min % 60} min`
}

export const COUNT_LABELS: Array<[keyof RunCounts, string]> = [
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['skipped', 'Skipped'],
  ['failed', 'Failed']
]

export const countsSummary = (c: RunCounts): string =>
  COUNT_LABELS.filter(([k]) => c[k] > 0)
    .map(([k, label]) => `${formatCount(c[k])} ${label.toLowerCase()}`)
    .join(', ') || 'No records'
