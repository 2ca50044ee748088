import { useAppStore } from '../../app/store'
import { VIEW_TITLES } from '../../app/views'
import { selectDemoRunning } from '../status/selectors'
import { DatabaseBackupStatus } from './DatabaseBackupStatus'

export function Header() {
  const title = useAppStore((s) => VIEW_TITLES[s.view])
  const demo = useAppStore(selectDemoRunning)
  const version = useAppStore((s) => s.status?.version ?? null)
  return (
    <header className="header">
      <h1 className="header-title">{title}</h1>
      <div className="header-meta">
        {demo ? (
          <span className="badge badge-demo" data-testid="demo-badge" title="Demo organization">
            DEMO
          </span>
        ) : null}
        <DatabaseBackupStatus />
        {version ? <span className="header-version">v{version}</span> : null}
      </div>
    </header>
  )
}
