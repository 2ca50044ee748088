/**
 * The only place that listens to the core's events: each one is forwarded into the store. Components
 * never subscribe to window.roster themselves.
 */
import { useAppStore } from './store'

export function connectBridge(): () => void {
  const { setCredentials, setStatus, setIntegrations, applyProgress, runFinished } =
    useAppStore.getState()
  const unsubscribers = [
    window.roster.events['credentials:changed']((p) => setCredentials(p.credentials)),
    window.roster.events['app:status-changed']((status) => setStatus(status)),
    window.roster.events['integrations:changed']((p) => setIntegrations(p.integrations)),
    window.roster.events['runs:progress']((p) => applyProgress(p)),
    window.roster.events['runs:finished']((p) => {
      runFinished(p.run)
      // The integration's last run and next run time changed with it.
      void useAppStore.getState().loadIntegrations()
    })
  ]
  return () => unsubscribers.forEach((off) => off())
}
