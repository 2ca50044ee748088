/** Turns a progress event into what the bar shows. The core gives no total, only a time estimate. */
import type { RunProgress } from '../../../../shared/domain/run'

export const processedOf = (p: RunProgress): number =>
  p.counts.created + p.counts.updated + p.counts.unchanged + p.counts.skipped + p.counts.failed

/**
 * Fraction done (0..1), or null when unknown (first run: no earlier total to estimate from). The
 * expected total is what is done plus what the current rate gets through in the remaining time.
 */
export function progressFraction(p: RunProgress | null): number | null {
  if (!p || p.estimatedRemainingMs === null || p.ratePerSec <= 0) return null
  const done = processedOf(p)
  const expected = done + (p.ratePerSec * p.estimatedRemainingMs) / 1000
  return expected > 0 ? Math.min(1, done / expected) : null
}

export function throttledSeconds(p: RunProgress | null, nowMs: number): number | null {
  if (!p?.throttledUntil || p.throttledUntil <= nowMs) return null
  return Math.ceil((p.throttledUntil - nowMs) / 1000)
}
