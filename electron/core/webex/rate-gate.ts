/**
 * One place that knows "do not send before time T" for a client. A Retry-After received by any call
 * holds back every call of the client (reliability.md B2.6: a limiter shared by all workers).
 */
import { WebexAbortedError } from './errors'

export type Clock = { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void> }

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new WebexAbortedError())
      const onAbort = () => {
        clearTimeout(timer)
        reject(new WebexAbortedError())
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

export class RateGate {
  private notBefore = 0

  constructor(private readonly clock: Clock) {}

  /** Pushes the gate forward (never back). */
  holdUntil(timeMs: number): void {
    if (timeMs > this.notBefore) this.notBefore = timeMs
  }

  holdFor(ms: number): void {
    this.holdUntil(this.clock.now() + ms)
  }

  /** Time the next request may leave, or 0 when it may leave now. */
  get openAt(): number {
    return this.notBefore
  }

  /** Resolves when a request may be sent; re-checks because another call may push the gate meanwhile. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const delay = this.notBefore - this.clock.now()
      if (delay <= 0) return
      await this.clock.sleep(delay, signal)
    }
  }
}
