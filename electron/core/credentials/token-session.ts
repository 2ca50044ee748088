/**
 * A credential's live tokens: hands the Webex client its bearer token, refreshes it before it
 * expires, and after a 401. Refreshes are single-flight per credential. A refresh that fails marks the
 * credential "re-authorization needed" (security.md S16) and surfaces as REAUTH_REQUIRED.
 */
import type { CredentialsRepo, CredentialRecord } from '../store/repositories/credentials-repo'
import { AppError } from '../errors'
import type { Logger } from '../log/logger'
import type { TokenProvider } from '../webex/auth'
import { refreshAccessToken } from '../webex/oauth'
import type { TokenResponse } from '../webex/schemas'
import type { CredentialVault } from './credential-vault'

/** Refresh when less than this is left, so a long sync never starts on a token about to lapse. */
export const REFRESH_MARGIN_MS = 5 * 60_000

/**
 * The margin for a token of a given lifetime: five minutes, or half the lifetime for short-lived
 * tokens (otherwise a token living under five minutes would be "due" the moment it arrives).
 */
export function refreshMarginMs(lifetimeMs: number | undefined): number {
  return lifetimeMs === undefined ? REFRESH_MARGIN_MS : Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2)
}

export type TokenSessionDeps = {
  repo: CredentialsRepo
  vault: CredentialVault
  logger: Logger
  now: () => Date
  onChange: () => void
}

export function expiryOf(now: Date, seconds: number | undefined): string | null {
  return seconds === undefined ? null : new Date(now.getTime() + seconds * 1000).toISOString()
}

/** Store a token response: secrets to the keychain, only expiries to SQLite. */
export async function saveTokenResponse(
  deps: Pick<TokenSessionDeps, 'repo' | 'vault' | 'now'>,
  id: string,
  tokens: TokenResponse,
  previousRefresh: string | null
): Promise<CredentialRecord | null> {
  const now = deps.now()
  // Webex may or may not rotate the refresh token: keep whatever the newest answer holds.
  const refreshToken = tokens.refresh_token ?? previousRefresh
  await deps.vault.saveTokens(id, { accessToken: tokens.access_token, refreshToken })
  return deps.repo.update(id, {
    status: 'authorized',
    accessTokenExpiresAt: expiryOf(now, tokens.expires_in),
    ...(tokens.refresh_token !== undefined
      ? { refreshTokenExpiresAt: expiryOf(now, tokens.refresh_token_expires_in) }
      : {}),
    lastError: null
  })
}

export function createTokenSessions(deps: TokenSessionDeps) {
  const inFlight = new Map<string, Promise<string>>()
  /** Lifetime of each credential's current access token, as Webex last stated it. */
  const lifetimes = new Map<string, number>()

  async function save(id: string, tokens: TokenResponse, previousRefresh: string | null) {
    lifetimes.set(id, tokens.expires_in * 1000)
    return saveTokenResponse(deps, id, tokens, previousRefresh)
  }

  const markReauth = (id: string, message: string) => {
    deps.repo.update(id, { status: 'reauth-required', lastError: message })
    deps.onChange()
  }

  async function doRefresh(cred: CredentialRecord): Promise<string> {
    const [clientSecret, refreshToken] = await Promise.all([
      deps.vault.clientSecret(cred.id),
      deps.vault.refreshToken(cred.id)
    ])
    if (cred.authType !== 'oauth' || !cred.clientId || !clientSecret || !refreshToken) {
      const message = 'The Webex token has expired. Authenticate this credential again.'
      markReauth(cred.id, message)
      throw new AppError('REAUTH_REQUIRED', message)
    }
    try {
      const tokens = await refreshAccessToken({
        baseUrl: cred.baseUrl,
        clientId: cred.clientId,
        clientSecret,
        refreshToken
      })
      await save(cred.id, tokens, refreshToken)
      deps.logger.info('credential.refreshed', { credentialId: cred.id })
      deps.onChange()
      return tokens.access_token
    } catch (e) {
      if (
        e instanceof AppError &&
        (e.code === 'NETWORK_ERROR' || e.code === 'KEYCHAIN_UNAVAILABLE')
      )
        throw e
      const message = 'Webex refused to renew the sign-in. Authenticate this credential again.'
      deps.logger.warn('credential.refresh-failed', { credentialId: cred.id, error: e })
      markReauth(cred.id, message)
      throw new AppError('REAUTH_REQUIRED', message, { cause: e })
    }
  }

  /** One refresh per credential at a time, however many callers ask. */
  function refresh(id: string): Promise<string> {
    const running = inFlight.get(id)
    if (running) return running
    const cred = deps.repo.get(id)
    if (!cred) return Promise.reject(new AppError('NOT_FOUND', 'That credential no longer exists.'))
    const p = doRefresh(cred).finally(() => inFlight.delete(id))
    inFlight.set(id, p)
    return p
  }

  const marginFor = (id: string) => refreshMarginMs(lifetimes.get(id))

  function isDue(cred: CredentialRecord): boolean {
    if (!cred.accessTokenExpiresAt) return false
    return Date.parse(cred.accessTokenExpiresAt) - deps.now().getTime() < marginFor(cred.id)
  }

  function providerFor(id: string): TokenProvider {
    return {
      async getAccessToken() {
        const cred = deps.repo.get(id)
        if (!cred) throw new AppError('NOT_FOUND', 'That credential no longer exists.')
        if (cred.status === 'reauth-required')
          throw new AppError(
            'REAUTH_REQUIRED',
            'Authenticate this credential again before using it.'
          )
        if (cred.authType === 'oauth' && isDue(cred)) return refresh(id)
        const token = await deps.vault.accessToken(id)
        if (!token)
          throw new AppError(
            'REAUTH_REQUIRED',
            'This credential has no Webex token yet. Authenticate it first.'
          )
        return token
      },
      async refresh(rejected: string) {
        const current = await deps.vault.accessToken(id)
        // Another caller already replaced the rejected token.
        if (current && current !== rejected) return current
        return refresh(id)
      }
    }
  }

  return { providerFor, refresh, isDue, save, marginFor }
}
export type TokenSessions = ReturnType<typeof createTokenSessions>
