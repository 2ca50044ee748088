import { useEffect } from 'react'
import { Header } from '../features/shell/Header'
import { Sidebar } from '../features/shell/Sidebar'
import { SkipLink } from '../features/shell/SkipLink'
import { StatusBanners } from '../features/shell/StatusBanners'
import { selectAppReady } from '../features/status/selectors'
import { connectBridge } from './bridge'
import { CurrentView } from './CurrentView'
import { useAppStore } from './store'

export function App() {
  // Ready once the first status and credential list answered: tests (and people) can trust the view.
  const ready = useAppStore((s) => selectAppReady(s) && s.credentialsLoaded)

  useEffect(() => {
    const disconnect = connectBridge()
    const { loadStatus, loadCredentials } = useAppStore.getState()
    void loadStatus()
    void loadCredentials()
    return disconnect
  }, [])

  return (
    <div className="app" data-app-state={ready ? 'ready' : 'loading'}>
      <SkipLink />
      <Sidebar />
      <div className="app-body">
        <Header />
        <main id="main" className="main" tabIndex={-1}>
          <StatusBanners />
          {ready ? <CurrentView /> : <p className="muted">Loading…</p>}
        </main>
      </div>
    </div>
  )
}
