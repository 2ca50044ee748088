/**
 * The only place that listens to the core's events: each one is forwarded into the store. Components
 * never subscribe to window.roster themselves.
 */
import { useAppStore } from './store'

export function connectBridge(): () => void {
  const { setCredentials, setStatus } = useAppStore.getState()
  const unsubscribers = [
    window.roster.events['credentials:changed']((p) => setCredentials(p.credentials)),
    window.roster.events['app:status-changed']((status) => setStatus(status))
  ]
  return () => unsubscribers.forEach((off) => off())
}
