import { afterEach, describe, expect, it } from 'vitest'
import type { Run } from '../../../shared/domain/run'
import { filesContaining } from '../../support/data-dir'
import { freePort } from '../../support/free-port'
import { startHarness, type Harness } from './core-harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const tokensIssued = (harness: Harness) =>
  [...harness.secrets.entries()].filter(([k]) => /token$/.test(k)).map(([, v]) => v)

async function addOAuth(harness: Harness, name = 'Production') {
  return harness.call('credentials:create', {
    authType: 'oauth',
    name,
    owner: 'IT',
    clientId: harness.sim.oauthClient.clientId,
    clientSecret: harness.sim.oauthClient.clientSecret,
    redirectPort: await freePort()
  })
}

describe('credentials through the core', () => {
  it('runs the OAuth code flow with PKCE against the simulator and shows who it is authorized as', async () => {
    h = await startHarness()
    const created = await addOAuth(h)
    expect(created).toMatchObject({
      status: 'not-authorized',
      hasClientSecret: true,
      authorizedAs: null
    })

    const authorized = await h.call('credentials:authenticate', { id: created.id })
    expect(authorized.status).toBe('authorized')
    expect(authorized.authorizedAs?.email).toMatch(/@/)
    expect(authorized.authorizedAs?.orgName).toBeTruthy()
    expect(authorized.authorizedAs?.isAdmin).toBe(true)
    expect(Date.parse(authorized.accessTokenExpiresAt ?? '')).toBeGreaterThan(Date.now())

    const authorizeUrl = new URL(h.opened[0] ?? '')
    expect(authorizeUrl.pathname).toBe('/v1/authorize')
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorizeUrl.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22)
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(
      `http://127.0.0.1:${created.redirectPort}/callback`
    )

    // Tokens and the client secret live only in the keychain: not in the DB, its WAL, or the logs.
    const secrets = [...tokensIssued(h), h.sim.oauthClient.clientSecret]
    expect(secrets.length).toBe(3)
    await h.restart()
    expect(filesContaining(h.dir, secrets)).toEqual([])
    const [again] = await h.call('credentials:list', undefined)
    expect(again).toMatchObject({ id: created.id, status: 'authorized' })
    expect(JSON.stringify(again)).not.toContain(h.sim.oauthClient.clientSecret)
  })

  it('refreshes a token before it expires, and marks re-authorization needed when refresh fails', async () => {
    // A 2 s token is refreshed after ~1 s (half its life) by the core's own timer.
    h = await startHarness({ accessTokenTtlSec: 2, refreshTokenTtlSec: 3600 })
    const created = await addOAuth(h)
    await h.call('credentials:authenticate', { id: created.id })
    const grants = () => h!.sim.requests().filter((r) => r.url.startsWith('/v1/access_token'))
    expect(grants().length).toBe(1)
    const before = tokensIssued(h)
    await expect.poll(() => grants().length, { timeout: 5000 }).toBeGreaterThanOrEqual(2)
    await expect.poll(() => tokensIssued(h!)).not.toEqual(before)
    expect((await h.call('credentials:verify', { id: created.id })).status).toBe('authorized')

    // The simulator rotates refresh tokens: a forged one makes the next refresh fail.
    const key = [...h.secrets.entries()].find(([k]) => k.endsWith('refresh-token'))?.[0] ?? ''
    await h.secrets.set(key, 'SIMREFRESH_not-a-real-one')
    await expect
      .poll(async () => (await h!.call('credentials:list', undefined))[0]?.status, {
        timeout: 5000
      })
      .toBe('reauth-required')
    const env = await h.raw('credentials:verify', { id: created.id })
    expect(env).toMatchObject({ ok: false, error: { code: 'REAUTH_REQUIRED' } })
  })

  it('refuses a callback that never comes with a clear timeout-free cancel', async () => {
    h = await startHarness()
    const port = await freePort()
    const created = await h.call('credentials:create', {
      authType: 'oauth',
      name: 'Wrong client',
      owner: '',
      clientId: 'not-registered',
      clientSecret: 'x',
      redirectPort: port
    })
    // An unknown client: the simulator answers /authorize with 400, so no callback ever arrives.
    const pending = h.raw('credentials:authenticate', { id: created.id })
    await expect.poll(() => h?.opened.length).toBe(1)
    await expect(h.call('credentials:cancel-authentication', { id: created.id })).resolves.toEqual({
      cancelled: true
    })
    expect(await pending).toMatchObject({ ok: false, error: { code: 'AUTH_CANCELLED' } })
    expect(h.sim.requests().some((r) => r.url.startsWith('/v1/access_token'))).toBe(false)
  })

  it('adds a pasted access token, verifies it, edits and deletes with its secrets', async () => {
    h = await startHarness()
    const c = await h.call('credentials:create', {
      authType: 'token',
      name: 'Trial',
      owner: 'me',
      accessToken: h.sim.token
    })
    expect(c.status).toBe('authorized')
    expect(c.authorizedAs?.displayName).toBeTruthy()
    await expect(
      h.raw('credentials:create', { authType: 'token', name: 'trial', owner: '', accessToken: 'x' })
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    const renamed = await h.call('credentials:update', { id: c.id, name: 'Trial token' })
    expect(renamed.name).toBe('Trial token')
    expect(renamed.status).toBe('authorized')
    await h.call('credentials:delete', { id: c.id })
    expect(await h.call('credentials:list', undefined)).toEqual([])
    expect(h.secrets.entries().size).toBe(0)
  })

  it('rejects undeclared channels and bad payloads at the contract edge', async () => {
    h = await startHarness()
    expect(await h.raw('credentials:steal', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' }
    })
    expect(await h.raw('credentials:create', { authType: 'oauth', name: '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' }
    })
    expect(await h.raw('credentials:delete', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' }
    })
  })

  it('starts the demo organization and keeps the same credential across a restart, token in memory only', async () => {
    h = await startHarness()
    expect((await h.call('app:get-status', undefined)).firstRun).toBe(true)
    const demo = await h.call('demo:start', undefined)
    expect(demo).toMatchObject({ isDemo: true, status: 'authorized' })
    const status = await h.call('app:get-status', undefined)
    expect(status).toMatchObject({ firstRun: false, demoRunning: true })
    expect(h.secrets.entries().size).toBe(0)
    await h.restart()
    await expect
      .poll(async () => (await h!.call('app:get-status', undefined)).demoRunning)
      .toBe(true)
    // The same record, pointed at this launch's simulator: integrations using it keep working.
    const [again] = await h.call('credentials:list', undefined)
    expect(again?.id).toBe(demo.id)
    expect(again?.baseUrl).not.toBe(demo.baseUrl)
    await expect
      .poll(async () => (await h!.call('credentials:verify', { id: demo.id })).status)
      .toBe('authorized')
    expect(h.secrets.entries().size).toBe(0)
  })

  it('clears a demo token an earlier version left in the keychain', async () => {
    h = await startHarness()
    const demo = await h.call('demo:start', undefined)
    await h.secrets.set(`credential/${demo.id}/access-token`, 'left-by-an-earlier-version')
    await h.restart()
    await expect
      .poll(async () => (await h!.call('credentials:list', undefined))[0]?.baseUrl)
      .not.toBe(demo.baseUrl)
    expect(h.secrets.entries().size).toBe(0)
  })

  it('runs the demo organization, syncs and comes back after a restart without any keychain', async () => {
    const refused = () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown'))
    h = await startHarness({}, { secretStore: { get: refused, set: refused, delete: refused } })
    expect((await h.call('app:get-status', undefined)).keychain.available).toBe(false)
    // A real credential still has nowhere to keep its secret: refused, nothing half-created.
    expect(
      await h.raw('credentials:create', {
        authType: 'token',
        name: 'Real org',
        owner: '',
        accessToken: h.sim.token
      })
    ).toMatchObject({ ok: false })
    const demo = await h.call('demo:start', undefined)
    expect(demo).toMatchObject({ isDemo: true, status: 'authorized' })
    expect((await h.call('credentials:list', undefined)).map((c) => c.id)).toEqual([demo.id])

    const created = await h.call('integrations:create', {
      name: 'Webex users',
      credentialId: demo.id
    })
    const integration = await h.call('integrations:launch', { id: created.id })
    const syncOnce = async () => {
      const finished = new Promise<Run>((resolve) => {
        const off = h!.core.onEvent((channel, payload) => {
          if (channel !== 'runs:finished') return
          off()
          resolve((payload as { run: Run }).run)
        })
      })
      await h!.call('integrations:run-now', { id: integration.id })
      return finished
    }
    const first = await syncOnce()
    expect(first).toMatchObject({ status: 'succeeded' })
    expect(first.counts.created).toBeGreaterThan(0)

    await h.restart()
    await expect
      .poll(async () => (await h!.call('credentials:list', undefined))[0]?.baseUrl)
      .not.toBe(demo.baseUrl)
    const second = await syncOnce()
    // The same people from the new launch's simulator (same seed): nothing new, nothing lost.
    expect(second).toMatchObject({ status: 'succeeded' })
    expect(second.counts).toMatchObject({ created: 0, failed: 0, unchanged: first.counts.created })
  })
})
