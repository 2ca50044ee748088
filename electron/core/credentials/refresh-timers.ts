/**
 * Tokens refresh before they expire: one timer per authorized OAuth credential, set for a margin
 * before the access token's expiry. A failed refresh is handled (and reported) by the token session.
 */
import type { Logger } from '../log/logger'
import type { CredentialRecord } from '../store/repositories/credentials-repo'

// setTimeout holds at most a 32-bit signed delay (~24.8 days); longer waits are re-armed.
const MAX_DELAY_MS = 2 ** 31 - 1
/** Never refresh in a tight loop, whatever the clock or the token lifetime says. */
const MIN_DELAY_MS = 1000

export function createRefreshTimers(deps: {
  now: () => Date
  refresh: (id: string) => Promise<unknown>
  marginFor: (id: string) => number
  logger: Logger
}) {
  const timers = new Map<string, NodeJS.Timeout>()

  function cancel(id: string): void {
    const t = timers.get(id)
    if (t) clearTimeout(t)
    timers.delete(id)
  }

  function schedule(cred: CredentialRecord): void {
    cancel(cred.id)
    if (cred.authType !== 'oauth' || !cred.accessTokenExpiresAt) return
    const due =
      Date.parse(cred.accessTokenExpiresAt) - deps.marginFor(cred.id) - deps.now().getTime()
    const delay = Math.max(MIN_DELAY_MS, Math.min(due, MAX_DELAY_MS))
    const timer = setTimeout(() => {
      timers.delete(cred.id)
      if (due > MAX_DELAY_MS) return schedule(cred)
      deps.refresh(cred.id).catch((e: unknown) =>
        deps.logger.warn('credential.scheduled-refresh-failed', {
          credentialId: cred.id,
          error: e
        })
      )
    }, delay)
    timer.unref()
    timers.set(cred.id, timer)
  }

  return { schedule, cancel, cancelAll: () => [...timers.keys()].forEach(cancel) }
}
