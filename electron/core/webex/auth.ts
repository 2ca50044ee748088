/**
 * Bearer tokens for the client, with a single-flight refresh (security.md S16): however many calls
 * see a 401 for the same token at once, the provider's refresh runs once and every call waits for it.
 */
import { ReauthorizationRequiredError } from './errors'

export type TokenProvider = {
  getAccessToken(): Promise<string>
  /** Exchanges the refresh token; receives the token Webex rejected so it can tell stale from current. */
  refresh?(rejectedToken: string): Promise<string>
}

export class TokenManager {
  private current: Promise<string> | null = null
  private refreshing: { rejected: string; result: Promise<string> } | null = null
  /** A token whose refresh already failed: later 401s for it fail fast instead of refreshing again. */
  private deadToken: string | null = null

  constructor(private readonly provider: TokenProvider) {}

  /** Counts provider refreshes (tests assert single-flight through the provider, this is for logs). */
  refreshCount = 0

  token(): Promise<string> {
    if (!this.current) {
      const p = this.provider.getAccessToken()
      this.current = p
      // A failed read must not be cached forever.
      p.catch(() => {
        if (this.current === p) this.current = null
      })
    }
    return this.current
  }

  /**
   * Called after a 401 for `rejected`. Returns the token to retry with, or throws
   * ReauthorizationRequiredError when no refresh is possible or it failed.
   */
  async replacementFor(rejected: string, trackingId?: string): Promise<string> {
    if (this.deadToken === rejected) {
      throw new ReauthorizationRequiredError(
        'The Webex token was rejected and could not be refreshed',
        trackingId
      )
    }
    // Someone already refreshed past this token: just use the newer one.
    const now = await this.token().catch(() => null)
    if (now !== null && now !== rejected) return now
    if (this.refreshing && this.refreshing.rejected === rejected) return this.refreshing.result

    const refresh = this.provider.refresh?.bind(this.provider)
    if (!refresh) {
      this.deadToken = rejected
      throw new ReauthorizationRequiredError(
        'The Webex token was rejected and no refresh is available',
        trackingId
      )
    }
    this.refreshCount++
    const result = refresh(rejected).then((fresh) => {
      if (!fresh || fresh === rejected) {
        throw new Error('the refresh returned the rejected token')
      }
      this.current = Promise.resolve(fresh)
      return fresh
    })
    const attempt = result.catch((e: unknown) => {
      this.deadToken = rejected
      this.current = null
      throw new ReauthorizationRequiredError(
        'The Webex token expired and refreshing it failed: sign in again',
        trackingId,
        { cause: e }
      )
    })
    this.refreshing = { rejected, result: attempt }
    try {
      return await attempt
    } finally {
      if (this.refreshing?.result === attempt) this.refreshing = null
    }
  }
}
