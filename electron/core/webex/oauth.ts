/**
 * OAuth 2.0 authorization-code flow with PKCE for a Webex integration (webex-api.md §6).
 * The token endpoint is called once per request: a code is single-use and a refresh may rotate the
 * refresh token, so a blind retry could only turn an ambiguous failure into invalid_grant.
 */
import { createHash, randomBytes } from 'node:crypto'
import { redactString } from '../log/redact'
import { InvalidGrantError, OAuthError, WebexMalformedResponseError } from './errors'
import { checkBaseUrl } from './origin'
import { TokenResponse } from './schemas'
import { createNodeTransport, type Transport } from './transport'

export type PkcePair = { verifier: string; challenge: string; method: 'S256' }

/** 32 random bytes → 43-char base64url verifier; challenge = base64url(SHA-256(verifier)). */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' }
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

/** 256-bit CSRF state. */
export function createState(): string {
  return randomBytes(32).toString('base64url')
}

export type AuthorizeUrlInput = {
  baseUrl: string
  clientId: string
  redirectUri: string
  scopes: readonly string[]
  state: string
  codeChallenge: string
}

export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const { baseUrl } = checkBaseUrl(input.baseUrl)
  const u = new URL(`${baseUrl}/authorize`)
  u.searchParams.set('response_type', 'code')
  u.searchParams.set('client_id', input.clientId)
  u.searchParams.set('redirect_uri', input.redirectUri)
  u.searchParams.set('scope', input.scopes.join(' '))
  u.searchParams.set('state', input.state)
  u.searchParams.set('code_challenge', input.codeChallenge)
  u.searchParams.set('code_challenge_method', 'S256')
  return u.href
}

export type TokenEndpointOptions = { transport?: Transport; timeoutMs?: number }

export type ExchangeCodeInput = {
  baseUrl: string
  clientId: string
  clientSecret: string
  code: string
  redirectUri: string
  codeVerifier: string
}

export function exchangeCode(
  input: ExchangeCodeInput,
  opts: TokenEndpointOptions = {}
): Promise<TokenResponse> {
  return postToken(
    input.baseUrl,
    {
      grant_type: 'authorization_code',
      client_id: input.clientId,
      client_secret: input.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier
    },
    opts
  )
}

export type RefreshInput = {
  baseUrl: string
  clientId: string
  clientSecret: string
  refreshToken: string
}

export function refreshAccessToken(
  input: RefreshInput,
  opts: TokenEndpointOptions = {}
): Promise<TokenResponse> {
  return postToken(
    input.baseUrl,
    {
      grant_type: 'refresh_token',
      client_id: input.clientId,
      client_secret: input.clientSecret,
      refresh_token: input.refreshToken
    },
    opts
  )
}

async function postToken(
  rawBaseUrl: string,
  form: Record<string, string>,
  opts: TokenEndpointOptions
): Promise<TokenResponse> {
  const { baseUrl } = checkBaseUrl(rawBaseUrl)
  const url = new URL(`${baseUrl}/access_token`)
  const own = opts.transport ? null : createNodeTransport({ maxSockets: 1 })
  const transport = opts.transport ?? (own as Transport)
  try {
    const res = await transport({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json'
      },
      body: new URLSearchParams(form).toString(),
      timeoutMs: opts.timeoutMs ?? 30_000
    })
    const trackingId = headerValue(res.headers.trackingid)
    let json: unknown = undefined
    try {
      json = JSON.parse(res.body)
    } catch {
      // Handled below: a success must be JSON, an error may be anything.
    }
    if (res.status >= 200 && res.status < 300) {
      const parsed = TokenResponse.safeParse(json)
      if (!parsed.success) {
        throw new WebexMalformedResponseError(
          'The token endpoint answered with an unexpected shape',
          `${url.origin}${url.pathname}`,
          // Never sample a token response: it may hold a token.
          '[token response withheld]',
          parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
          trackingId
        )
      }
      return parsed.data
    }
    throw tokenError(res.status, json, res.body, trackingId)
  } finally {
    own?.close()
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}

/** Maps an error answer (RFC 6749 `{error}` or Webex `{message, errors}`) to a typed error. */
function tokenError(status: number, json: unknown, body: string, trackingId?: string): OAuthError {
  const obj = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>
  const code = typeof obj.error === 'string' ? obj.error : undefined
  const description =
    (typeof obj.error_description === 'string' && obj.error_description) ||
    (typeof obj.message === 'string' && obj.message) ||
    (json === undefined ? body.slice(0, 200) : '')
  const text = redactString(String(description))
  const tid = (typeof obj.trackingId === 'string' ? obj.trackingId : undefined) ?? trackingId
  if (code === 'invalid_grant' || (!code && /invalid[_ ]grant/i.test(text))) {
    return new InvalidGrantError(
      status,
      `Webex refused the grant (${text || 'invalid_grant'}): sign in again`,
      tid
    )
  }
  return new OAuthError(
    status,
    code,
    `The Webex token endpoint answered ${status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`,
    tid
  )
}
