import { describe, expect, it } from 'vitest'
import { call, nextLink, startSim, walk } from './helpers'

type PageJson = { items: { id: string }[] }

describe('scripted faults, observed on the wire', () => {
  it('rate-limit: 429 with Retry-After on every Nth request, and for a time window', async () => {
    const sim = await startSim({ faults: [{ kind: 'rate-limit', everyNth: 3, retryAfterSec: 2 }] })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      const r = await call(sim, '/people/me')
      statuses.push(r.status)
      if (r.status === 429) expect(r.headers.get('retry-after')).toBe('2')
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429])
    sim.faults.clear()
    let now = 1_000
    const timed = await startSim({ clock: () => now })
    timed.faults.add({ kind: 'rate-limit', forMs: 5_000, retryAfterSec: 5, status: 423 })
    expect((await call(timed, '/people/me')).status).toBe(423)
    now += 5_001
    expect((await call(timed, '/people/me')).status).toBe(200)
  })

  it('records every request with seq, method, url, time, token and status', async () => {
    const sim = await startSim({ faults: [{ kind: 'rate-limit', everyNth: 2, retryAfterSec: 1 }] })
    await call(sim, '/people?max=5')
    await call(sim, '/people?max=5', { token: 'bad' })
    const log = sim.requests()
    expect(log.map((r) => [r.seq, r.method, r.url, r.token, r.status])).toEqual([
      [1, 'GET', '/v1/people?max=5', sim.token, 200],
      // An invalid token is refused before any fault applies.
      [2, 'GET', '/v1/people?max=5', 'bad', 401]
    ])
    expect(log[1]!.at).toBeGreaterThanOrEqual(log[0]!.at)
    sim.clearRequests()
    expect(sim.requests()).toHaveLength(0)
  })

  it('server-error: a burst of count 5xx answers, then normal service', async () => {
    const sim = await startSim()
    sim.faults.add({ kind: 'server-error', status: 503, count: 3 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await call(sim, '/people/me')).status)
    expect(statuses).toEqual([503, 503, 503, 200])
    sim.faults.add({ kind: 'server-error', status: 502, count: 1, startAt: 6 })
    expect((await call(sim, '/people/me')).status).toBe(200)
    expect((await call(sim, '/people/me')).status).toBe(502)
  })

  it('timeout-above-max: 504 when max is above the threshold', async () => {
    const sim = await startSim({ faults: [{ kind: 'timeout-above-max', maxAbove: 500 }] })
    expect((await call(sim, '/people?max=1000')).status).toBe(504)
    expect((await call(sim, '/people?max=500')).status).toBe(200)
  })

  it('reset-mid-body: headers and half the body arrive, then the socket closes', async () => {
    const sim = await startSim({ faults: [{ kind: 'reset-mid-body', onRequest: 2 }] })
    expect((await call(sim, '/people?max=50')).status).toBe(200)
    const res = await fetch(`${sim.url}/people?max=50`, {
      headers: { authorization: `Bearer ${sim.token}` }
    })
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
    expect((await call(sim, '/people?max=50')).status).toBe(200)
  })

  it('slow: every response is delayed', async () => {
    const sim = await startSim({ faults: [{ kind: 'slow', delayMs: 150 }] })
    const t0 = performance.now()
    expect((await call(sim, '/people/me')).status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140)
  })

  it('unauthorized-from: tokens existing at request N die; a token issued afterwards works', async () => {
    const sim = await startSim({ faults: [{ kind: 'unauthorized-from', request: 3 }] })
    const { refreshToken } = sim.issueTokens()
    expect((await call(sim, '/people/me')).status).toBe(200)
    expect((await call(sim, '/people/me')).status).toBe(200)
    expect((await call(sim, '/people/me')).status).toBe(401)
    expect((await call(sim, '/people/me')).status).toBe(401)
    const res = await fetch(`${sim.url}/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: sim.oauthClient.clientId,
        client_secret: sim.oauthClient.clientSecret
      })
    })
    const fresh = ((await res.json()) as { access_token: string }).access_token
    expect((await call(sim, '/people/me', { token: fresh })).status).toBe(200)
  })

  it('next-loop, repeat-page and foreign-next bend the next links', async () => {
    const sim = await startSim({
      users: 100,
      faults: [{ kind: 'next-loop', onPage: 3, toPage: 2 }]
    })
    const looped = await walk(sim, '/people?max=20', 6)
    expect(looped).toHaveLength(120)
    expect(new Set(looped).size).toBe(60)

    const rep = await startSim({ users: 100, faults: [{ kind: 'repeat-page', onPage: 2 }] })
    const repeated = await walk(rep, '/people?max=20')
    expect(repeated).toHaveLength(120)
    expect(new Set(repeated).size).toBe(100)
    expect(repeated.slice(20, 40)).toEqual(repeated.slice(40, 60))

    const foreign = await startSim({
      users: 100,
      faults: [{ kind: 'foreign-next', onPage: 1, origin: 'https://evil.example' }]
    })
    const next = nextLink(await call(foreign, '/people?max=20'))
    expect(next).toMatch(/^https:\/\/evil\.example\/v1\/people\?/)
  })

  it('short-listing drops a stable share of people, or everyone', async () => {
    const sim = await startSim({ users: 1000, faults: [{ kind: 'short-listing', share: 0.4 }] })
    const a = await walk(sim, '/people?max=1000')
    expect(a.length).toBeGreaterThan(500)
    expect(a.length).toBeLessThan(700)
    expect(await walk(sim, '/people?max=1000')).toEqual(a)
    sim.faults.clear()
    sim.faults.add({ kind: 'short-listing', share: 1 })
    expect(await walk(sim, '/people?max=1000')).toEqual([])
  })

  it('malformed-page: invalid JSON, no items, wrong types', async () => {
    const sim = await startSim({ users: 100 })
    sim.faults.add({ kind: 'malformed-page', onPage: 1, variant: 'invalid-json' })
    const bad = await call(sim, '/people?max=10')
    expect(() => JSON.parse(bad.text) as unknown).toThrow()
    sim.faults.clear()
    sim.faults.add({ kind: 'malformed-page', onPage: 1, variant: 'no-items' })
    expect((await call(sim, '/people?max=10')).json()).not.toHaveProperty('items')
    sim.faults.clear()
    sim.faults.add({ kind: 'malformed-page', onPage: 1, variant: 'wrong-types' })
    const wrong = (await call(sim, '/people?max=10')).json() as {
      items: { id: unknown; emails: unknown }[]
    }
    expect(typeof wrong.items[0]!.id).toBe('number')
    expect(Array.isArray(wrong.items[0]!.emails)).toBe(false)
    sim.faults.clear()
    expect(((await call(sim, '/people?max=10')).json() as PageJson).items).toHaveLength(10)
  })
})
