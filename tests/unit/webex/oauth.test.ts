import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ForeignOriginError,
  InvalidGrantError,
  OAuthError,
  WebexMalformedResponseError
} from '../../../electron/core/webex/errors'
import {
  buildAuthorizeUrl,
  createPkcePair,
  createState,
  exchangeCode,
  refreshAccessToken
} from '../../../electron/core/webex/oauth'
import { json, startServer, type WireServer } from './wire'

let server: WireServer | undefined
afterEach(async () => server?.close())

describe('PKCE and state', () => {
  it('verifier is 43 base64url chars from 32 bytes; challenge is S256 of it', () => {
    const a = createPkcePair()
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'))
    expect(a.method).toBe('S256')
    expect(createPkcePair().verifier).not.toBe(a.verifier)
  })

  it('RFC 7636 appendix B test vector', async () => {
    const { pkceChallenge } = await import('../../../electron/core/webex/oauth')
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
    )
  })

  it('state carries at least 128 bits and is unique', () => {
    const s = createState()
    expect(Buffer.from(s, 'base64url').length).toBeGreaterThanOrEqual(16)
    expect(createState()).not.toBe(s)
  })

  it('builds the authorize URL with every parameter', () => {
    const u = new URL(
      buildAuthorizeUrl({
        baseUrl: 'https://webexapis.com/v1/',
        clientId: 'C1',
        redirectUri: 'http://127.0.0.1:8080/oauth',
        scopes: ['spark:people_read', 'spark-admin:people_read'],
        state: 'S',
        codeChallenge: 'CH'
      })
    )
    expect(u.origin + u.pathname).toBe('https://webexapis.com/v1/authorize')
    expect(Object.fromEntries(u.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'C1',
      redirect_uri: 'http://127.0.0.1:8080/oauth',
      scope: 'spark:people_read spark-admin:people_read',
      state: 'S',
      code_challenge: 'CH',
      code_challenge_method: 'S256'
    })
    expect(() =>
      buildAuthorizeUrl({
        baseUrl: 'https://evil.test/v1',
        clientId: 'C',
        redirectUri: 'r',
        scopes: [],
        state: 's',
        codeChallenge: 'c'
      })
    ).toThrow(ForeignOriginError)
  })
})

describe('token endpoint', () => {
  const tokens = {
    access_token: 'AT',
    expires_in: 1209599,
    refresh_token: 'RT',
    refresh_token_expires_in: 7775999,
    token_type: 'Bearer'
  }

  it('exchanges a code with the PKCE verifier and client secret, form-encoded', async () => {
    server = await startServer((_req, res) => json(res, 200, tokens))
    const r = await exchangeCode({
      baseUrl: server.base,
      clientId: 'C1',
      clientSecret: 'SEC',
      code: 'CODE',
      redirectUri: 'http://127.0.0.1:8080/oauth',
      codeVerifier: 'VER'
    })
    expect(r).toMatchObject({ access_token: 'AT', refresh_token: 'RT', expires_in: 1209599 })
    const req = server.requests[0]!
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/v1/access_token')
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'C1',
      client_secret: 'SEC',
      code: 'CODE',
      redirect_uri: 'http://127.0.0.1:8080/oauth',
      code_verifier: 'VER'
    })
  })

  it('refreshes with grant_type=refresh_token', async () => {
    server = await startServer((_req, res) => json(res, 200, { ...tokens, access_token: 'AT2' }))
    const r = await refreshAccessToken({
      baseUrl: server.base,
      clientId: 'C1',
      clientSecret: 'SEC',
      refreshToken: 'RT'
    })
    expect(r.access_token).toBe('AT2')
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]!.body))).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'RT'
    })
  })

  it('invalid_grant (RFC 6749 form or Webex message) is InvalidGrantError', async () => {
    let n = 0
    server = await startServer((_req, res) =>
      ++n === 1
        ? json(res, 400, { error: 'invalid_grant', error_description: 'expired' })
        : json(res, 400, { message: 'Invalid grant: refresh token revoked', trackingId: 'T9' })
    )
    const input = { baseUrl: server.base, clientId: 'C1', clientSecret: 'SEC', refreshToken: 'RT' }
    const a = await refreshAccessToken(input).catch((e: unknown) => e)
    expect(a).toBeInstanceOf(InvalidGrantError)
    expect((a as InvalidGrantError).code).toBe('REAUTH_REQUIRED')
    const b = await refreshAccessToken(input).catch((e: unknown) => e)
    expect(b).toBeInstanceOf(InvalidGrantError)
    expect((b as InvalidGrantError).trackingId).toBe('T9')
  })

  it('other failures are OAuthError; a bad success body is malformed and never sampled', async () => {
    let n = 0
    server = await startServer((_req, res) =>
      ++n === 1
        ? json(res, 401, { error: 'invalid_client' })
        : json(res, 200, { access_token: 'LEAK' })
    )
    const input = { baseUrl: server.base, clientId: 'C1', clientSecret: 'SEC', refreshToken: 'RT' }
    const a = await refreshAccessToken(input).catch((e: unknown) => e)
    expect(a).toBeInstanceOf(OAuthError)
    expect(a).not.toBeInstanceOf(InvalidGrantError)
    expect((a as OAuthError).oauthError).toBe('invalid_client')
    const b = (await refreshAccessToken(input).catch(
      (e: unknown) => e
    )) as WebexMalformedResponseError
    expect(b).toBeInstanceOf(WebexMalformedResponseError)
    expect(b.sample).not.toContain('LEAK')
  })
})
