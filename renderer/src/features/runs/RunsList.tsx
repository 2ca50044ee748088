/** Every run, newest first, paged; refreshed whenever a run finishes. */
import { useEffect, useState } from 'react'
import type { RunSummary } from '../../../../shared/domain/run'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { formatAbsolute } from '../../lib/format-time'
import { Pager } from '../../lib/Pager'
import { EmptyState } from '../shell/EmptyState'
import { countsSummary, formatDuration, RUN_KIND_LABELS } from './labels'
import { RunProgressPanel } from './RunProgressPanel'
import { RunStatusBadge } from './RunStatusBadge'

const PAGE = 50

type Loaded = { rows: RunSummary[]; total: number; key: string } | { error: string; key: string }

export function RunsList() {
  const runsVersion = useAppStore((s) => s.runsVersion)
  const tracked = useAppStore((s) => s.trackedRuns)
  const openRun = useAppStore((s) => s.openRun)
  const navigate = useAppStore((s) => s.navigate)
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<Loaded | null>(null)
  const running = Object.values(tracked).filter((t) => t.finished === null)
  // A run that started since the list was read: read again so it shows.
  const runningKey = running.map((t) => t.runId).join(',')
  const key = `${offset}#${runsVersion}#${runningKey}`

  useEffect(() => {
    let live = true
    void call('runs:list', { offset, limit: PAGE }).then((res) => {
      if (!live) return
      setPage(res.ok ? { ...res.value, key } : { error: res.error.message, key })
    })
    return () => {
      live = false
    }
  }, [offset, key])

  if (page === null)
    return (
      <p className="muted" role="status">
        Loading runs…
      </p>
    )
  if ('error' in page)
    return (
      <p className="form-error" role="alert">
        {page.error}
      </p>
    )
  if (page.total === 0 && running.length === 0)
    return (
      <EmptyState
        title="No activity yet"
        actions={
          <button type="button" className="btn" onClick={() => navigate('integrations')}>
            Go to Integrations
          </button>
        }
      >
        Every integration run will be listed here with its counts and reasons.
      </EmptyState>
    )

  return (
    <div className="stack">
      {running.map((t) => (
        <RunProgressPanel key={t.runId} tracked={t} />
      ))}
      <div className="table-wrap">
        <table className="table" aria-label="Runs">
          <thead>
            <tr>
              <th scope="col">Integration</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr key={r.id} data-testid="run-row" data-run-id={r.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => openRun(r.id)}
                    aria-label={`Open run of ${r.integrationName} started ${formatAbsolute(r.startedAt)}`}
                  >
                    {r.integrationName}
                  </button>
                </th>
                <td>{RUN_KIND_LABELS[r.kind]}</td>
                <td>
                  <RunStatusBadge status={r.status} />
                </td>
                <td>{formatAbsolute(r.startedAt)}</td>
                <td>{formatDuration(r.durationMs)}</td>
                <td>{countsSummary(r.counts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.total > PAGE ? (
        <Pager offset={offset} total={page.total} size={PAGE} onOffset={setOffset} />
      ) : null}
    </div>
  )
}
