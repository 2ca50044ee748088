/**
 * Retry policy (reliability.md B2.6): which answers are worth another attempt and how long to wait.
 * Pure functions so the math is tested without a network.
 */

export type RetryPolicy = {
  /** Total attempts per request, the first one included. */
  maxAttempts: number
  /** Backoff base and cap for 5xx and network errors (full jitter: random(0, min(cap, base·2^n))). */
  baseDelayMs: number
  maxDelayMs: number
  /** Wait used when a 429/423 carries no Retry-After. */
  defaultRetryAfterMs: number
  /** A Retry-After longer than this is not waited out inside one call: the error is thrown instead. */
  maxRetryAfterMs: number
  /** Smallest page size a 504 may shrink GET /people to. */
  minPageSize: number
  /** Per-attempt timeout (headers and body); a timeout counts as a network error. */
  requestTimeoutMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  defaultRetryAfterMs: 5000,
  maxRetryAfterMs: 3_600_000,
  minPageSize: 100,
  requestTimeoutMs: 120_000
}

export function resolvePolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
  const p = { ...DEFAULT_RETRY_POLICY, ...overrides }
  if (!(p.maxAttempts >= 1)) throw new RangeError('maxAttempts must be at least 1')
  if (!(p.minPageSize >= 1)) throw new RangeError('minPageSize must be at least 1')
  return p
}

/** Statuses that mean "the server did not act, ask again later" for any method. */
export const isThrottleStatus = (status: number): boolean => status === 429 || status === 423

/** Server-side failures worth a retry for idempotent reads. */
export const isServerErrorStatus = (status: number): boolean =>
  status === 500 || status === 502 || status === 503 || status === 504

/** Full-jitter exponential backoff for retry number `retry` (0 = first retry). */
export function backoffDelayMs(
  retry: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(retry, 30))
  return Math.floor(random() * ceiling)
}

/**
 * Retry-After in ms: delta-seconds (fractions tolerated) or an HTTP date. `undefined` when absent or
 * unreadable, so the caller applies its default.
 */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined
  const v = header.trim()
  if (v === '') return undefined
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000)
  const date = Date.parse(v)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

/** The wait before retrying a throttled request: never shorter than what the server asked. */
export function throttleDelayMs(
  retryAfterMs: number | undefined,
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random
): number {
  const asked = retryAfterMs ?? policy.defaultRetryAfterMs
  return Math.max(asked, backoffDelayMs(retry, policy, random))
}

/** Next page size after a 504 on GET /people, or null when it cannot shrink further. */
export function halvedPageSize(current: number, minPageSize: number): number | null {
  if (current <= minPageSize) return null
  return Math.max(minPageSize, Math.floor(current / 2))
}
