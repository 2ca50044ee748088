import { createHash, randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SimHandle } from '../../../electron/webex-sim/types'
import { call, startSim } from './helpers'

const REDIRECT = 'http://127.0.0.1:53682/callback'

function pkce() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

async function authorize(sim: SimHandle, params: Record<string, string>) {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: sim.oauthClient.clientId,
    redirect_uri: REDIRECT,
    scope: 'spark-admin:people_read spark-admin:people_write',
    state: 'st-123',
    ...params
  })
  const res = await fetch(`${sim.url}/authorize?${q}`, { redirect: 'manual' })
  return { status: res.status, location: res.headers.get('location'), text: await res.text() }
}

async function token(sim: SimHandle, form: Record<string, string>) {
  const res = await fetch(`${sim.url}/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: sim.oauthClient.clientId,
      client_secret: sim.oauthClient.clientSecret,
      ...form
    })
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function codeFor(sim: SimHandle, challenge?: string): Promise<string> {
  const a = await authorize(
    sim,
    challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}
  )
  expect(a.status).toBe(302)
  const url = new URL(a.location ?? '')
  expect(`${url.origin}${url.pathname}`).toBe(REDIRECT)
  expect(url.searchParams.get('state')).toBe('st-123')
  return url.searchParams.get('code') ?? ''
}

describe('OAuth: authorization code with PKCE, refresh', () => {
  it('exchanges a code with the right verifier for distinctive tokens that act as the admin', async () => {
    const sim = await startSim()
    const { verifier, challenge } = pkce()
    const code = await codeFor(sim, challenge)
    expect(code).toMatch(/^SIMCODE_/)
    const t = await token(sim, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier
    })
    expect(t.status).toBe(200)
    expect(t.body.access_token).toMatch(/^SIMACCESS_[0-9a-f]+$/)
    expect(t.body.refresh_token).toMatch(/^SIMREFRESH_[0-9a-f]+$/)
    expect(t.body).toMatchObject({
      expires_in: 14 * 86400,
      refresh_token_expires_in: 90 * 86400,
      token_type: 'Bearer'
    })
    const me = await call(sim, '/people/me', { token: t.body.access_token as string })
    expect((me.json() as { id: string }).id).toBe(sim.org.all()[0]!.id)
  })

  it('refuses a wrong verifier, a reused code (and revokes its tokens), a wrong redirect and a wrong secret', async () => {
    const sim = await startSim()
    const { verifier, challenge } = pkce()
    const wrong = await token(sim, {
      grant_type: 'authorization_code',
      code: await codeFor(sim, challenge),
      redirect_uri: REDIRECT,
      code_verifier: pkce().verifier
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toBe('invalid_grant')
    expect(typeof wrong.body.message).toBe('string')
    expect(typeof wrong.body.trackingId).toBe('string')

    const code = await codeFor(sim, challenge)
    const first = await token(sim, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier
    })
    expect(first.status).toBe(200)
    const again = await token(sim, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier
    })
    expect(again.status).toBe(400)
    expect(
      (await call(sim, '/people/me', { token: first.body.access_token as string })).status
    ).toBe(401)

    const plain = await codeFor(sim)
    const badRedirect = await token(sim, {
      grant_type: 'authorization_code',
      code: plain,
      redirect_uri: `${REDIRECT}/`
    })
    expect(badRedirect.status).toBe(400)
    const badSecret = await token(sim, {
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_secret: 'nope'
    })
    expect(badSecret.status).toBe(401)
  })

  it('expires codes after 60 s; rejects unknown clients with a page and bad PKCE methods by redirect', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z')
    const sim = await startSim({ clock: () => now })
    const code = await codeFor(sim)
    now += 61_000
    expect(
      (await token(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).status
    ).toBe(400)

    const unknown = await authorize(sim, { client_id: 'who' })
    expect(unknown.status).toBe(400)
    expect(unknown.location).toBeNull()
    const plainMethod = await authorize(sim, {
      code_challenge: 'abc',
      code_challenge_method: 'plain'
    })
    expect(plainMethod.status).toBe(302)
    expect(new URL(plainMethod.location ?? '').searchParams.get('error')).toBe('invalid_request')
  })

  it('each refresh returns a new refresh token and kills the old one; expired tokens answer 401', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z')
    const sim = await startSim({ clock: () => now, accessTokenTtlSec: 30, refreshTokenTtlSec: 600 })
    const code = await codeFor(sim)
    const t1 = await token(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT })
    expect(t1.body.expires_in).toBe(30)
    now += 31_000
    const expired = await call(sim, '/people/me', { token: t1.body.access_token as string })
    expect(expired.status).toBe(401)

    const t2 = await token(sim, {
      grant_type: 'refresh_token',
      refresh_token: t1.body.refresh_token as string
    })
    expect(t2.status).toBe(200)
    expect(t2.body.refresh_token).not.toBe(t1.body.refresh_token)
    expect((await call(sim, '/people/me', { token: t2.body.access_token as string })).status).toBe(
      200
    )
    const reuse = await token(sim, {
      grant_type: 'refresh_token',
      refresh_token: t1.body.refresh_token as string
    })
    expect(reuse.status).toBe(400)

    now += 601_000
    const late = await token(sim, {
      grant_type: 'refresh_token',
      refresh_token: t2.body.refresh_token as string
    })
    expect(late.status).toBe(400)
  })

  it('keeps OAuth endpoints out of rate limits', async () => {
    const sim = await startSim({ faults: [{ kind: 'rate-limit', retryAfterSec: 1, everyNth: 1 }] })
    expect((await call(sim, '/people/me')).status).toBe(429)
    const code = await codeFor(sim)
    expect(
      (await token(sim, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).status
    ).toBe(200)
  })
})
