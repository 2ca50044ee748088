/**
 * One run: status and counts, live progress while it runs, reasons for skipped and failed records
 * (paged), page timings, tracking ids of failed calls, and held "not in Webex" marks to allow.
 */
import { useEffect, useState } from 'react'
import type { RunDetail } from '../../../../shared/domain/run'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { formatAbsolute } from '../../lib/format-time'
import { BackBar, FieldList } from '../records/RecordParts'
import { HeldMarks } from './HeldMarks'
import { COUNT_LABELS, formatCount, formatDuration, RUN_KIND_LABELS } from './labels'
import { PageTimings } from './PageTimings'
import { RunItems, type ItemsQuery } from './RunItems'
import { RunProgressPanel } from './RunProgressPanel'
import { RunStatusBadge } from './RunStatusBadge'

type Loaded = { detail: RunDetail; key: string } | { error: string; key: string }

export function RunDetailPage({ id }: { id: string }) {
  const runsVersion = useAppStore((s) => s.runsVersion)
  const openRun = useAppStore((s) => s.openRun)
  const [items, setItems] = useState<ItemsQuery>({ offset: 0 })
  const [heldOffset, setHeldOffset] = useState(0)
  const [reload, setReload] = useState(0)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const key = JSON.stringify({ id, items, heldOffset, runsVersion, reload })

  useEffect(() => {
    let live = true
    void call('runs:get', {
      id,
      itemsOffset: items.offset,
      itemsLimit: 50,
      ...(items.outcome ? { itemsOutcome: items.outcome } : {}),
      heldOffset,
      heldLimit: 50
    }).then((res) => {
      if (live) setLoaded(res.ok ? { detail: res.value, key } : { error: res.error.message, key })
    })
    return () => {
      live = false
    }
  }, [id, items, heldOffset, key])

  const detail = loaded && 'detail' in loaded ? loaded.detail : null
  const tracked = useAppStore((s) => (detail ? s.trackedRuns[detail.run.integrationId] : undefined))
  const back = () => openRun(null)

  if (!loaded || !detail)
    return (
      <div className="stack">
        <BackBar label="Activity" onBack={back} title="Run" />
        {loaded && 'error' in loaded ? (
          <p className="form-error" role="alert">
            {loaded.error}
          </p>
        ) : (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
      </div>
    )

  const { run } = detail
  const live = tracked?.runId === run.id && tracked.finished === null ? tracked : null
  return (
    <div className="stack" data-testid="run-detail">
      <BackBar
        label="Activity"
        onBack={back}
        title={`${run.integrationName} — ${RUN_KIND_LABELS[run.kind]}`}
      />
      {live ? <RunProgressPanel tracked={live} /> : null}
      <section className="card stack" aria-label="Run summary">
        <div className="row-actions">
          <RunStatusBadge status={run.status} />
          {run.message ? <span>{run.message}</span> : null}
        </div>
        <dl className="plan-counts" data-testid="run-counts">
          {COUNT_LABELS.map(([k, label]) => (
            <div key={k} className="stat">
              <dt className="stat-label">{label}</dt>
              <dd className="stat-value" data-count={k}>
                {formatCount(run.counts[k])}
              </dd>
            </div>
          ))}
        </dl>
        <FieldList
          label="Run details"
          rows={[
            { label: 'Started', value: formatAbsolute(run.startedAt) },
            { label: 'Finished', value: run.finishedAt ? formatAbsolute(run.finishedAt) : '—' },
            { label: 'Duration', value: formatDuration(run.durationMs) },
            { label: 'Trigger', value: run.trigger },
            { label: 'Pages read', value: formatCount(run.pagesRead) },
            {
              label: 'Webex listing',
              value: run.listingComplete
                ? 'Complete'
                : `Incomplete${run.listingEnd ? ` (${run.listingEnd})` : ''}: nobody was marked “not in Webex”`
            },
            { label: 'Marked not in Webex', value: formatCount(run.notInWebexMarked) },
            ...(run.resumedFromRunId
              ? [{ label: 'Resumed from run', value: run.resumedFromRunId.slice(0, 8) }]
              : [])
          ]}
        />
      </section>
      {detail.held.total > 0 && run.heldAllowedAt === null ? (
        <HeldMarks
          runId={run.id}
          held={detail.held}
          offset={heldOffset}
          onOffset={setHeldOffset}
          onAllowed={() => setReload((n) => n + 1)}
        />
      ) : null}
      <RunItems items={detail.items} query={items} onQuery={setItems} />
      <PageTimings pages={detail.pages} />
      {run.trackingIds.length > 0 ? (
        <section className="card stack" aria-labelledby="tracking-title">
          <h3 id="tracking-title">Tracking ids of failed Webex calls</h3>
          <p className="muted">Give these to Cisco support when asking about a failure.</p>
          <ul className="mono-list">
            {run.trackingIds.map((t) => (
              <li key={t}>
                <code>{t}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
