/** How a run that threw ends: cancelled, interrupted (shutdown) or failed, with a plain reason. */
import type { RunStatus } from '../../../shared/domain/run'
import { isAppError } from '../errors'
import { WebexMalformedResponseError } from '../webex/errors'

export type StopReason = 'cancel' | 'shutdown' | null

export function endOfError(e: unknown, stop: StopReason): { status: RunStatus; message: string } {
  if (stop === 'cancel') return { status: 'cancelled', message: 'Cancelled by the user.' }
  if (stop === 'shutdown')
    return {
      status: 'interrupted',
      message: 'Roster stopped during the run; the next run resumes.'
    }
  if (isAppError(e) && e.code === 'DISK_FULL')
    return {
      status: 'failed',
      message: 'The disk is full (disk full): pages saved before it are kept.'
    }
  if (isAppError(e) && e.code === 'REAUTH_REQUIRED')
    return {
      status: 'failed',
      message: `Paused: sign in to Webex again (re-auth). The checkpoint is kept. ${e.message}`
    }
  if (e instanceof WebexMalformedResponseError)
    return {
      status: 'failed',
      message: `Webex sent a page that is not valid (${e.issues.slice(0, 3).join('; ')}). Sample: ${e.sample.slice(0, 300)}`
    }
  if (isAppError(e)) return { status: 'failed', message: e.message }
  return { status: 'failed', message: 'The run failed unexpectedly. The details are in the log.' }
}

export function trackingIdOf(e: unknown): string | null {
  if (e && typeof e === 'object' && 'trackingId' in e) {
    const t = e.trackingId
    if (typeof t === 'string' && t) return t
  }
  return null
}
