/**
 * The OAuth 2.0 authorization-code flow with PKCE S256 and `state`, in the system browser
 * (RFC 8252; security.md S12–S13). Steps: listen on the loopback redirect, open the authorize page,
 * wait for the one callback, check `state` in constant time, refuse `error=` answers, exchange the code.
 * No token request is made unless the callback passed every check.
 */
import { timingSafeEqual } from 'node:crypto'
import { AppError } from '../errors'
import { buildAuthorizeUrl, createPkcePair, createState, exchangeCode } from '../webex/oauth'
import type { TokenResponse } from '../webex/schemas'
import { openLoopbackListener, type LoopbackListener } from './loopback-listener'

export const AUTH_TIMEOUT_MS = 5 * 60_000

export type OAuthFlowInput = {
  baseUrl: string
  clientId: string
  clientSecret: string
  scopes: string
  redirectPort: number
  openExternal: (url: string) => Promise<void>
  timeoutMs?: number
  /** Receives the listener so the caller can cancel the wait. */
  onListening?: (listener: LoopbackListener) => void
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const DENIED: Record<string, string> = {
  access_denied: 'The Webex sign-in was declined.',
  invalid_scope:
    'Webex refused the requested scopes. Check the scopes registered on the integration.'
}

export async function runOAuthFlow(input: OAuthFlowInput): Promise<TokenResponse> {
  const listener = await openLoopbackListener({
    port: input.redirectPort,
    timeoutMs: input.timeoutMs ?? AUTH_TIMEOUT_MS
  })
  input.onListening?.(listener)
  const pkce = createPkcePair()
  const state = createState()
  const authorizeUrl = buildAuthorizeUrl({
    baseUrl: input.baseUrl,
    clientId: input.clientId,
    redirectUri: listener.redirectUri,
    scopes: input.scopes.split(' ').filter(Boolean),
    state,
    codeChallenge: pkce.challenge
  })
  try {
    await input.openExternal(authorizeUrl)
  } catch (cause) {
    listener.cancel()
    throw new AppError(
      'AUTH_CANCELLED',
      'Roster could not open your browser for the Webex sign-in.',
      {
        cause
      }
    )
  }

  const params = await listener.callback
  const error = params.get('error')
  if (error !== null) {
    throw new AppError('AUTH_CANCELLED', DENIED[error] ?? 'Webex did not authorize Roster.')
  }
  const returnedState = params.get('state')
  const code = params.get('code')
  if (returnedState === null || !sameSecret(returnedState, state)) {
    throw new AppError(
      'AUTH_CANCELLED',
      'The Webex sign-in answer did not match this request and was ignored.'
    )
  }
  if (!code) throw new AppError('AUTH_CANCELLED', 'Webex did not send an authorization code.')

  return exchangeCode({
    baseUrl: input.baseUrl,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    code,
    redirectUri: listener.redirectUri,
    codeVerifier: pkce.verifier
  })
}
