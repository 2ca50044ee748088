/**
 * Scripted faults (types.ts FaultSpec, reliability.md B3). The server asks the engine at three points:
 * before routing (token expiry, 429/5xx/504 answers), while building a listing page (short listing,
 * page anomalies) and before writing (slow, reset mid-body). OAuth endpoints are never faulted.
 */
import type { FaultSpec } from '../types'
import type { SimRequest, SimResponse } from '../http/types'
import { error } from '../http/respond'

type Active = { spec: FaultSpec; addedAt: number; addedAfterSeq: number; used: number }
type PageFault = Extract<
  FaultSpec,
  { kind: 'next-loop' | 'repeat-page' | 'foreign-next' | 'malformed-page' }
>

export class FaultEngine {
  private active: Active[] = []
  private lastSeq = 0

  constructor(private readonly clock: () => number) {}

  add(spec: FaultSpec): void {
    this.active.push({ spec, addedAt: this.clock(), addedAfterSeq: this.lastSeq, used: 0 })
  }

  clear(): void {
    this.active = []
  }

  /** Called for every request (OAuth too) so request numbers count over all requests. */
  seen(seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq)
  }

  /** True once, on the first API request at or after the `unauthorized-from` request number. */
  shouldExpireTokens(seq: number): boolean {
    for (const a of this.active) {
      if (a.spec.kind === 'unauthorized-from' && a.used === 0 && seq >= a.spec.request) {
        a.used = 1
        return true
      }
    }
    return false
  }

  /** A canned failure for this API request, or null to route it normally. */
  intercept(req: SimRequest, trackingId: string): SimResponse | null {
    const now = this.clock()
    for (const a of this.active) {
      const s = a.spec
      if (s.kind === 'rate-limit') {
        const hit = s.everyNth
          ? req.seq % s.everyNth === 0
          : s.forMs !== undefined && now < a.addedAt + s.forMs
        if (hit) {
          const status = s.status ?? 429
          const message = status === 429 ? 'Too Many Requests' : 'Locked'
          return error(status, message, trackingId, { 'retry-after': String(s.retryAfterSec) })
        }
      } else if (s.kind === 'server-error') {
        const start = s.startAt ?? a.addedAfterSeq + 1
        if (req.seq >= start && req.seq < start + s.count) {
          return error(s.status, serverErrorMessage(s.status), trackingId)
        }
      } else if (s.kind === 'timeout-above-max') {
        const max = Number(req.query.get('max') ?? '100')
        if (req.method === 'GET' && req.path === '/v1/people' && max > s.maxAbove) {
          return error(504, 'Gateway Timeout: try a smaller value of max', trackingId)
        }
      }
    }
    return null
  }

  /** Share (0..1) of people a listing silently drops; 0 when no short-listing fault is active. */
  shortListingShare(): number {
    let share = 0
    for (const a of this.active)
      if (a.spec.kind === 'short-listing') share = Math.max(share, a.spec.share)
    return Math.min(1, share)
  }

  pageFaults(page: number): PageFault[] {
    const out: PageFault[] = []
    for (const a of this.active) {
      const s = a.spec
      if (
        (s.kind === 'next-loop' ||
          s.kind === 'repeat-page' ||
          s.kind === 'foreign-next' ||
          s.kind === 'malformed-page') &&
        s.onPage === page
      ) {
        out.push(s)
      }
    }
    return out
  }

  delayMs(): number {
    let ms = 0
    for (const a of this.active) if (a.spec.kind === 'slow') ms += a.spec.delayMs
    return ms
  }

  /** Whether this API request's response is cut halfway through its body. */
  shouldResetMidBody(req: SimRequest): boolean {
    for (const a of this.active) {
      const s = a.spec
      if (s.kind !== 'reset-mid-body') continue
      const budget = s.count ?? (s.everyNth ? Infinity : 1)
      if (a.used >= budget) continue
      const hit =
        s.onRequest !== undefined
          ? req.seq === s.onRequest
          : s.everyNth
            ? req.seq % s.everyNth === 0
            : req.seq > a.addedAfterSeq
      if (hit) {
        a.used++
        return true
      }
    }
    return false
  }
}

function serverErrorMessage(status: number): string {
  if (status === 502) return 'Bad Gateway'
  if (status === 503) return 'Service Unavailable'
  if (status === 504) return 'Gateway Timeout'
  return 'Internal Server Error'
}
