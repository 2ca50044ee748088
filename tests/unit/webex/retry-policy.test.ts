import { describe, expect, it } from 'vitest'
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  halvedPageSize,
  parseRetryAfterMs,
  resolvePolicy,
  throttleDelayMs
} from '../../../electron/core/webex/retry-policy'

describe('retry policy', () => {
  it('defaults follow reliability.md B2.6', () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({
      maxAttempts: 6,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      minPageSize: 100
    })
  })

  it('full jitter: random(0, min(cap, base·2^n))', () => {
    const p = { baseDelayMs: 1000, maxDelayMs: 60_000 }
    expect(backoffDelayMs(0, p, () => 0.999999)).toBe(999)
    expect(backoffDelayMs(3, p, () => 0.5)).toBe(4000)
    expect(backoffDelayMs(10, p, () => 0.5)).toBe(30_000) // capped at 60 s
    expect(backoffDelayMs(100, p, () => 0.999999)).toBeLessThan(60_000)
    expect(backoffDelayMs(5, p, () => 0)).toBe(0)
  })

  it('parses Retry-After as seconds or HTTP date', () => {
    expect(parseRetryAfterMs('3', 0)).toBe(3000)
    expect(parseRetryAfterMs(' 0.5 ', 0)).toBe(500)
    expect(parseRetryAfterMs(undefined, 0)).toBeUndefined()
    expect(parseRetryAfterMs('soon', 0)).toBeUndefined()
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000)
    expect(parseRetryAfterMs('Thu, 01 Jan 2025 00:00:07 GMT', now)).toBe(0)
  })

  it('never waits less than Retry-After, defaults when absent', () => {
    const p = resolvePolicy({ baseDelayMs: 10, maxDelayMs: 100, defaultRetryAfterMs: 5000 })
    expect(throttleDelayMs(3000, 0, p, () => 0.99)).toBe(3000)
    expect(throttleDelayMs(undefined, 0, p, () => 0.99)).toBe(5000)
    expect(throttleDelayMs(1, 4, p, () => 0.99)).toBe(99) // backoff larger than the ask
  })

  it('halves page size down to the floor, then stops', () => {
    expect(halvedPageSize(1000, 100)).toBe(500)
    expect(halvedPageSize(500, 100)).toBe(250)
    expect(halvedPageSize(250, 100)).toBe(125)
    expect(halvedPageSize(125, 100)).toBe(100)
    expect(halvedPageSize(100, 100)).toBeNull()
    expect(halvedPageSize(80, 100)).toBeNull()
    expect(halvedPageSize(7, 2)).toBe(3)
  })

  it('rejects nonsense policies', () => {
    expect(() => resolvePolicy({ maxAttempts: 0 })).toThrow(RangeError)
  })
})
