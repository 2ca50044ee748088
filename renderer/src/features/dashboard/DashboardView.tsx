import { useAppStore } from '../../app/store'
import { EmptyState } from '../shell/EmptyState'
import { selectFirstRun } from '../status/selectors'
import { WelcomeCard } from './WelcomeCard'

export function DashboardView() {
  const firstRun = useAppStore(selectFirstRun)
  const total = useAppStore((s) => s.credentials.length)
  const authorized = useAppStore(
    (s) => s.credentials.filter((c) => c.status === 'authorized').length
  )
  const navigate = useAppStore((s) => s.navigate)

  if (firstRun) return <WelcomeCard />
  return (
    <div className="stack">
      <section className="stat-grid" aria-label="Overview">
        <div className="card stat">
          <span className="stat-label">Credentials</span>
          <span className="stat-value">{total}</span>
        </div>
        <div className="card stat">
          <span className="stat-label">Authorized</span>
          <span className="stat-value">{authorized}</span>
        </div>
      </section>
      <EmptyState
        title="No people yet"
        actions={
          <button type="button" className="btn" onClick={() => navigate('integrations')}>
            Go to Integrations
          </button>
        }
      >
        Widgets fill in after the first run of the Webex users integration.
      </EmptyState>
    </div>
  )
}
