/**
 * A run in progress: a real progress bar fed by runs:progress events (indeterminate while the total is
 * unknown), pages read, records written, rate and time left, a throttling note and Cancel. Once the run
 * finished it stays on screen with the outcome until dismissed, so a quick run is not a blink.
 */
import { useState } from 'react'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { useNow } from '../../lib/use-now'
import type { TrackedRun } from './slice'
import { countsSummary, formatCount, formatDuration, RUN_KIND_LABELS } from './labels'
import { processedOf, progressFraction, throttledSeconds } from './progress-model'
import { RunStatusBadge } from './RunStatusBadge'

type Props = { tracked: TrackedRun; onDismiss?: () => void; compact?: boolean }

export function RunProgressPanel({ tracked, onDismiss, compact }: Props) {
  const now = useNow(1000)
  const openRun = useAppStore((s) => s.openRun)
  const navigate = useAppStore((s) => s.navigate)
  const [cancelError, setCancelError] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const { progress, finished } = tracked

  const cancel = async (): Promise<void> => {
    setCancelling(true)
    const res = await call('runs:cancel', { id: tracked.runId })
    setCancelling(false)
    if (!res.ok) setCancelError(res.error.message)
    else if (!res.value.cancelled) setCancelError('The run had already finished.')
  }

  if (finished) {
    return (
      <div className="run-panel" data-testid="run-progress" data-run-state="finished">
        <div className="run-panel-head">
          <RunStatusBadge status={finished.status} />
          <span>
            {RUN_KIND_LABELS[finished.kind]} finished in {formatDuration(finished.durationMs)}:{' '}
            {countsSummary(finished.counts)}
          </span>
        </div>
        <progress className="run-bar" max={1} value={1} aria-label="Run progress" />
        {finished.message ? <p className="muted">{finished.message}</p> : null}
        <div className="row-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              openRun(finished.id)
              navigate('activity')
            }}
          >
            View run
          </button>
          {onDismiss ? (
            <button type="button" className="btn btn-small" onClick={onDismiss}>
              Dismiss
            </button>
          ) : null}
        </div>
      </div>
    )
  }

  const fraction = progressFraction(progress)
  const throttled = throttledSeconds(progress, now.getTime())
  return (
    <div className="run-panel" data-testid="run-progress" data-run-state="running" role="status">
      <div className="run-panel-head">
        <span className="spinner" aria-hidden="true" />
        <span>
          {progress ? RUN_KIND_LABELS[progress.kind] : 'Run'} running
          {fraction !== null ? ` — ${Math.round(fraction * 100)}%` : ''}
        </span>
      </div>
      {fraction === null ? (
        <progress className="run-bar" aria-label="Run progress" />
      ) : (
        <progress className="run-bar" max={1} value={fraction} aria-label="Run progress" />
      )}
      {compact ? null : (
        <dl className="run-stats">
          <div>
            <dt>Pages read</dt>
            <dd data-testid="pages-read">{formatCount(progress?.pagesRead ?? 0)}</dd>
          </div>
          <div>
            <dt>Records processed</dt>
            <dd>{formatCount(progress ? processedOf(progress) : 0)}</dd>
          </div>
          <div>
            <dt>Records written</dt>
            <dd>{formatCount(progress?.recordsWritten ?? 0)}</dd>
          </div>
          <div>
            <dt>Rate</dt>
            <dd>{progress ? `${formatCount(Math.round(progress.ratePerSec))}/s` : '—'}</dd>
          </div>
          <div>
            <dt>Time left</dt>
            <dd>
              {progress && progress.estimatedRemainingMs !== null
                ? formatDuration(progress.estimatedRemainingMs)
                : 'Estimating…'}
            </dd>
          </div>
        </dl>
      )}
      {throttled !== null ? (
        <p className="run-throttled" data-testid="run-throttled">
          Webex asked Roster to slow down — throttled, retrying in {throttled} s.
        </p>
      ) : null}
      {cancelError ? (
        <p className="row-error" role="alert">
          {cancelError}
        </p>
      ) : null}
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-small btn-danger"
          disabled={cancelling}
          onClick={() => void cancel()}
        >
          {cancelling ? 'Cancelling…' : 'Cancel run'}
        </button>
      </div>
    </div>
  )
}
