import { useAppStore } from '../../app/store'
import { formatWhenPast } from '../../lib/format-time'
import { countsSummary, formatCount } from '../runs/labels'
import { RunStatusBadge } from '../runs/RunStatusBadge'
import { EmptyState } from '../shell/EmptyState'
import { selectFirstRun } from '../status/selectors'
import { useOverview } from './use-overview'
import { WelcomeCard } from './WelcomeCard'

export function DashboardView() {
  const firstRun = useAppStore(selectFirstRun)
  if (firstRun) return <WelcomeCard />
  return <Overview />
}

function Overview() {
  const overview = useOverview()
  const credentials = useAppStore((s) => s.credentials.length)
  const navigate = useAppStore((s) => s.navigate)

  if (!overview)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    )
  const { people, saasUsers, lastRun, error } = overview
  return (
    <div className="stack">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="stat-grid" aria-label="Overview">
        <button type="button" className="card stat stat-link" onClick={() => navigate('people')}>
          <span className="stat-label">People</span>
          <span className="stat-value" data-testid="stat-people">
            {people === null ? '—' : formatCount(people)}
          </span>
        </button>
        <button
          type="button"
          className="card stat stat-link"
          onClick={() => navigate('webex-users')}
        >
          <span className="stat-label">Webex users</span>
          <span className="stat-value" data-testid="stat-saas-users">
            {saasUsers === null ? '—' : formatCount(saasUsers)}
          </span>
        </button>
        <div className="card stat">
          <span className="stat-label">Credentials</span>
          <span className="stat-value">{credentials}</span>
        </div>
        <button type="button" className="card stat stat-link" onClick={() => navigate('activity')}>
          <span className="stat-label">Last run</span>
          {lastRun ? (
            <>
              <RunStatusBadge status={lastRun.status} />
              <span className="field-hint">
                {lastRun.integrationName}, {formatWhenPast(lastRun.startedAt)}.{' '}
                {countsSummary(lastRun.counts)}
              </span>
            </>
          ) : (
            <span className="stat-value">—</span>
          )}
        </button>
      </section>
      {people === 0 ? (
        <EmptyState
          title="No people yet"
          actions={
            <button type="button" className="btn" onClick={() => navigate('integrations')}>
              Go to Integrations
            </button>
          }
        >
          No people yet. Add a credential and launch the Webex users integration.
        </EmptyState>
      ) : null}
    </div>
  )
}
