/**
 * Riding out an outage longer than one request's retries (reliability.md B2.6, F7): when the client
 * gives up on a page after its retries, the run pauses for the backoff cap and then resumes from its
 * last checkpoint, a bounded number of times, instead of failing at the first long 5xx burst.
 */
import { RetryExhaustedError, WebexNetworkError } from '../webex/errors'

export type OutagePolicy = {
  /** How many times a run may pause before it fails (default 10). */
  maxPauses: number
  /** How long each pause lasts (default 60 s, the client's backoff cap). */
  pauseMs: number
}

export const DEFAULT_OUTAGE_POLICY: OutagePolicy = { maxPauses: 10, pauseMs: 60_000 }

/** Failures worth waiting out: the server or the network, not our request or our token. */
export const isOutage = (e: unknown): boolean =>
  e instanceof RetryExhaustedError || e instanceof WebexNetworkError

/** Resolves after `ms`, or as soon as the run is cancelled. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
