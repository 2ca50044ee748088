/**
 * The Webex client against the simulator, one scenario per fault kind (reliability.md B3).
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TokenProvider } from '../../../electron/core/webex/auth'
import { createWebexClient, type WebexClient } from '../../../electron/core/webex/client'
import {
  ForeignOriginError,
  ReauthorizationRequiredError,
  RetryExhaustedError,
  WebexAbortedError,
  WebexMalformedResponseError
} from '../../../electron/core/webex/errors'
import type { PeoplePage } from '../../../electron/core/webex/list-people'
import { refreshAccessToken } from '../../../electron/core/webex/oauth'
import { startWebexSim } from '../../../electron/webex-sim/index'
import type { SimHandle, SimOptions } from '../../../electron/webex-sim/types'
import { startServer, type WireServer } from '../../unit/webex/wire'

const FAST = { baseDelayMs: 5, maxDelayMs: 20, defaultRetryAfterMs: 50, requestTimeoutMs: 3000 }

let sim: SimHandle | undefined
let client: WebexClient | undefined
const extra: WireServer[] = []
afterEach(async () => {
  client?.close()
  client = undefined
  await sim?.stop()
  sim = undefined
  await Promise.all(extra.splice(0).map((s) => s.close()))
})

async function setup(
  opts: SimOptions,
  retry: Partial<typeof FAST> & Record<string, number> = {},
  tokens?: (s: SimHandle) => TokenProvider
) {
  sim = await startWebexSim({ seed: 7, ...opts })
  const s = sim
  client = createWebexClient({
    baseUrl: s.url,
    tokens: tokens ? tokens(s) : { getAccessToken: () => Promise.resolve(s.token) },
    retry: { ...FAST, ...retry }
  })
  return { sim: s, client }
}

async function readAll(c: WebexClient, pageSize: number, extraOpts = {}) {
  const listing = c.listPeople({}, { pageSize, ...extraOpts })
  const pages: PeoplePage[] = []
  let error: unknown
  try {
    for await (const p of listing) pages.push(p)
  } catch (e) {
    error = e
  }
  const ids = pages.flatMap((p) => p.items.map((x) => x.id))
  return { listing, pages, ids, error, outcome: listing.outcome() }
}

const apiRequests = (s: SimHandle) => s.requests().filter((r) => r.url.startsWith('/v1/people'))

describe('client × simulator: clean run', () => {
  it('reads the whole org, every person once, complete', async () => {
    const { sim, client } = await setup({ users: 1234 })
    const r = await readAll(client, 200)
    expect(r.error).toBeUndefined()
    expect(new Set(r.ids).size).toBe(sim.org.count())
    expect(r.ids).toHaveLength(sim.org.count())
    expect(r.outcome).toMatchObject({ complete: true, reason: 'end', duplicates: 0 })
    expect(await client.getMe()).toHaveProperty('id')
    expect((await client.listLicenses()).length).toBeGreaterThan(0)
    expect((await client.listRoles()).length).toBeGreaterThan(0)
    const orgs = await client.listOrganizations()
    expect(await client.getOrganization(orgs[0]!.id)).toMatchObject({ id: orgs[0]!.id })
  })
})

describe('client × simulator: every fault kind', () => {
  it('rate-limit 429 every 4th request: no request before Retry-After elapsed (F9)', async () => {
    const { sim, client } = await setup({
      users: 300,
      faults: [{ kind: 'rate-limit', retryAfterSec: 1, everyNth: 4 }]
    })
    const r = await readAll(client, 50)
    expect(r.outcome.complete).toBe(true)
    expect(r.ids).toHaveLength(sim.org.count())
    const reqs = sim.requests()
    const throttled = reqs.filter((x) => x.status === 429)
    expect(throttled.length).toBeGreaterThan(0)
    for (const t of throttled) {
      const next = reqs.find((x) => x.seq === t.seq + 1)
      if (next) expect(next.at - t.at).toBeGreaterThanOrEqual(1000 - 5)
    }
  })

  it('rate-limit 423 for a window: waits it out, completes', async () => {
    const { sim, client } = await setup({
      users: 100,
      faults: [{ kind: 'rate-limit', retryAfterSec: 1, forMs: 300, status: 423 }]
    })
    const r = await readAll(client, 50)
    expect(r.outcome.complete).toBe(true)
    expect(sim.requests().some((x) => x.status === 423)).toBe(true)
  })

  it('server-error burst shorter than the attempt cap: retried, completes (F7)', async () => {
    const { sim, client } = await setup({
      users: 200,
      faults: [{ kind: 'server-error', status: 503, count: 4, startAt: 2 }]
    })
    const r = await readAll(client, 50)
    expect(r.outcome.complete).toBe(true)
    expect(r.ids).toHaveLength(sim.org.count())
    expect(sim.requests().filter((x) => x.status === 503)).toHaveLength(4)
  })

  it('server-error burst longer than the cap: exhausted, checkpoint kept, resume completes', async () => {
    const { sim, client } = await setup(
      { users: 200, faults: [{ kind: 'server-error', status: 502, count: 8, startAt: 3 }] },
      { maxAttempts: 3 }
    )
    const first = await readAll(client, 50)
    expect(first.error).toBeInstanceOf(RetryExhaustedError)
    expect(first.outcome).toMatchObject({ complete: false, reason: 'error', pages: 2 })
    expect(first.outcome.resumeUrl).toBe(first.pages[1]!.nextUrl)
    // The burst ends; resume from the checkpoint.
    sim.faults.clear()
    const rest = await readAll(client, 50, { startUrl: first.outcome.resumeUrl })
    expect(rest.outcome.complete).toBe(true)
    expect(new Set([...first.ids, ...rest.ids]).size).toBe(sim.org.count())
  })

  it('timeout-above-max: 504 halves the page size and it sticks (F8)', async () => {
    const { sim, client } = await setup({
      users: 1500,
      faults: [{ kind: 'timeout-above-max', maxAbove: 300 }]
    })
    const r = await readAll(client, 1000)
    expect(r.outcome).toMatchObject({ complete: true, pageSize: 250 })
    expect(r.ids).toHaveLength(sim.org.count())
    const maxes = apiRequests(sim).map((x) =>
      Number(new URL(x.url, 'http://x').searchParams.get('max'))
    )
    expect(maxes.slice(0, 3)).toEqual([1000, 500, 250])
    expect(maxes.slice(3).every((m) => m === 250)).toBe(true)
  })

  it('reset-mid-body: the page is re-read whole, nothing partial (F6)', async () => {
    const { sim, client } = await setup({
      users: 500,
      faults: [{ kind: 'reset-mid-body', everyNth: 3, count: 3 }]
    })
    const r = await readAll(client, 100)
    expect(r.outcome.complete).toBe(true)
    expect(r.ids).toHaveLength(sim.org.count())
    expect(new Set(r.ids).size).toBe(r.ids.length)
  })

  it('reset-mid-body on every attempt: exhausted, nothing from the broken page', async () => {
    const { client } = await setup(
      { users: 300, faults: [{ kind: 'reset-mid-body', everyNth: 1, count: 100 }] },
      { maxAttempts: 3 }
    )
    const r = await readAll(client, 100)
    expect(r.error).toBeInstanceOf(RetryExhaustedError)
    expect(r.pages).toHaveLength(0)
    expect(r.outcome.complete).toBe(false)
  })

  it('slow: a per-request timeout shorter than the delay fails; cancel takes effect (F20)', async () => {
    const { client } = await setup(
      { users: 100, faults: [{ kind: 'slow', delayMs: 400 }] },
      { requestTimeoutMs: 100, maxAttempts: 2 }
    )
    const r = await readAll(client, 50)
    expect(r.error).toBeInstanceOf(RetryExhaustedError)
    client.close()

    const patient = createWebexClient({
      baseUrl: sim!.url,
      tokens: { getAccessToken: () => Promise.resolve(sim!.token) },
      retry: FAST
    })
    const ac = new AbortController()
    const started = Date.now()
    setTimeout(() => ac.abort(), 150)
    const aborted = await readAll(patient, 50, { signal: ac.signal })
    expect(aborted.error).toBeInstanceOf(WebexAbortedError)
    expect(aborted.outcome.reason).toBe('aborted')
    expect(Date.now() - started).toBeLessThan(1000)
    patient.close()
  })

  it('unauthorized-from: one OAuth refresh, the request retried, no duplicate pages (F10)', async () => {
    let refreshes = 0
    const { sim, client } = await setup(
      { users: 400, faults: [{ kind: 'unauthorized-from', request: 4 }] },
      {},
      (s) => {
        let pair = s.issueTokens()
        return {
          getAccessToken: () => Promise.resolve(pair.accessToken),
          refresh: async () => {
            refreshes++
            const t = await refreshAccessToken({
              baseUrl: s.url,
              clientId: s.oauthClient.clientId,
              clientSecret: s.oauthClient.clientSecret,
              refreshToken: pair.refreshToken
            })
            pair = {
              accessToken: t.access_token,
              refreshToken: t.refresh_token ?? pair.refreshToken
            }
            return t.access_token
          }
        }
      }
    )
    const r = await readAll(client, 50)
    expect(r.error).toBeUndefined()
    expect(r.outcome.complete).toBe(true)
    expect(r.ids).toHaveLength(sim.org.count())
    expect(refreshes).toBe(1)
    expect(sim.requests().filter((x) => x.url.startsWith('/v1/access_token'))).toHaveLength(1)
    expect(sim.requests().filter((x) => x.status === 401)).toHaveLength(1)
  })

  it('unauthorized-from with a failing refresh: ReauthorizationRequired, checkpoint kept', async () => {
    const { client } = await setup(
      { users: 400, faults: [{ kind: 'unauthorized-from', request: 3 }] },
      {},
      (s) => {
        const pair = s.issueTokens()
        return {
          getAccessToken: () => Promise.resolve(pair.accessToken),
          refresh: () =>
            refreshAccessToken({
              baseUrl: s.url,
              clientId: s.oauthClient.clientId,
              clientSecret: s.oauthClient.clientSecret,
              refreshToken: 'bogus'
            }).then((t) => t.access_token)
        }
      }
    )
    const r = await readAll(client, 50)
    expect(r.error).toBeInstanceOf(ReauthorizationRequiredError)
    expect(r.outcome).toMatchObject({ complete: false, reason: 'error', pages: 2 })
    expect(r.outcome.resumeUrl).not.toBeNull()
  })

  it('next-loop: detected, incomplete (F13)', async () => {
    const { client } = await setup({
      users: 500,
      faults: [{ kind: 'next-loop', onPage: 4, toPage: 2 }]
    })
    const r = await readAll(client, 50)
    expect(r.outcome).toMatchObject({ complete: false })
    expect(['loop', 'repeated-page', 'duplicate-ids']).toContain(r.outcome.reason)
    expect(r.pages.length).toBeLessThanOrEqual(4)
  })

  it('repeat-page: detected, incomplete', async () => {
    const { client } = await setup({ users: 500, faults: [{ kind: 'repeat-page', onPage: 3 }] })
    const r = await readAll(client, 50)
    expect(r.outcome.complete).toBe(false)
    expect(['loop', 'repeated-page']).toContain(r.outcome.reason)
    expect(new Set(r.ids).size).toBe(r.ids.length)
  })

  it('foreign-next: refused, the foreign origin never receives a request (S18)', async () => {
    const foreign = await startServer((_req, res) => res.end('{"items":[]}'))
    extra.push(foreign)
    const { client } = await setup({
      users: 300,
      faults: [{ kind: 'foreign-next', onPage: 2, origin: foreign.origin }]
    })
    const r = await readAll(client, 50)
    expect(r.error).toBeInstanceOf(ForeignOriginError)
    expect(r.outcome).toMatchObject({ complete: false, reason: 'foreign-origin', pages: 1 })
    expect(foreign.requests).toHaveLength(0)
  })

  it('short-listing: the client reports exactly what it saw (the threshold upstream decides)', async () => {
    const { sim, client } = await setup({
      users: 400,
      faults: [{ kind: 'short-listing', share: 0.4 }]
    })
    const r = await readAll(client, 100)
    expect(r.outcome.complete).toBe(true)
    expect(r.outcome.people).toBe(r.ids.length)
    expect(r.ids.length).toBeLessThan(sim.org.count())
    expect(r.ids.length).toBeGreaterThan(0)
  })

  it.each(['invalid-json', 'no-items', 'wrong-types'] as const)(
    'malformed-page %s: rejected, not yielded (F18)',
    async (variant) => {
      const { client } = await setup({
        users: 300,
        faults: [{ kind: 'malformed-page', onPage: 2, variant }]
      })
      const r = await readAll(client, 50)
      expect(r.error).toBeInstanceOf(WebexMalformedResponseError)
      expect(r.pages).toHaveLength(1)
      expect(r.outcome).toMatchObject({
        complete: false,
        reason: 'error',
        resumeUrl: r.pages[0]!.nextUrl
      })
    }
  )
})

describe('client × simulator: writes', () => {
  it('create / update (full PUT) / delete round trip', async () => {
    const { sim, client } = await setup({ users: 20 })
    const created = await client.createPerson({
      emails: ['new.person@roster-sim.example.com'],
      displayName: 'New Person',
      firstName: 'New',
      lastName: 'Person'
    })
    expect(created.status).toBe('created')
    if (created.status !== 'created') return
    const id = created.person.id
    const updated = await client.updatePerson(id, { title: 'Chief Tester' })
    expect(updated).toMatchObject({
      status: 'updated',
      person: { title: 'Chief Tester', displayName: 'New Person' }
    })
    expect(sim.org.get(id)?.title).toBe('Chief Tester')
    expect(await client.deletePerson(id)).toEqual({ status: 'deleted' })
    expect(await client.deletePerson(id)).toEqual({ status: 'not-found' })
  })

  it('reset after the POST was applied: verification finds the person, one POST only (F14)', async () => {
    const { sim, client } = await setup({ users: 20 })
    const before = sim.requests().length
    sim.faults.add({ kind: 'reset-mid-body', onRequest: before + 1 })
    const r = await client.createPerson({
      emails: ['ambiguous@roster-sim.example.com'],
      displayName: 'Ambiguous'
    })
    expect(r.status).toBe('found-after-error')
    expect(sim.requests().filter((x) => x.method === 'POST')).toHaveLength(1)
    expect(
      sim.org.all().filter((p) => p.emails?.includes('ambiguous@roster-sim.example.com'))
    ).toHaveLength(1)
  })

  it('a 500 on PUT: GET afterwards reports what the server holds (F15)', async () => {
    const { sim, client } = await setup({ users: 20 })
    const target = sim.org.all().find((p) => p.displayName && p.type !== 'bot')!
    const seq = sim.requests().length
    // Request seq+1 is the GET before the PUT; seq+2 is the PUT.
    sim.faults.add({ kind: 'server-error', status: 500, count: 1, startAt: seq + 2 })
    const r = await client.updatePerson(target.id, { department: 'Nowhere' })
    expect(r.status).toBe('failed')
    if (r.status !== 'failed') return
    expect(r.serverNow?.id).toBe(target.id)
    expect(r.unappliedFields).toContain('department')
    expect(sim.requests().filter((x) => x.method === 'PUT')).toHaveLength(1)
  })

  it('OAuth: authorize redirect, code exchange with PKCE, then API access with the token', async () => {
    const { buildAuthorizeUrl, createPkcePair, createState, exchangeCode } =
      await import('../../../electron/core/webex/oauth')
    sim = await startWebexSim({ users: 5 })
    const pkce = createPkcePair()
    const state = createState()
    const redirectUri = 'http://127.0.0.1:8765/oauth/callback'
    const authUrl = buildAuthorizeUrl({
      baseUrl: sim.url,
      clientId: sim.oauthClient.clientId,
      redirectUri,
      scopes: ['spark:people_read'],
      state,
      codeChallenge: pkce.challenge
    })
    const res = await fetch(authUrl, { redirect: 'manual' })
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.searchParams.get('state')).toBe(state)
    const code = location.searchParams.get('code')!
    const tokens = await exchangeCode({
      baseUrl: sim.url,
      clientId: sim.oauthClient.clientId,
      clientSecret: sim.oauthClient.clientSecret,
      code,
      redirectUri,
      codeVerifier: pkce.verifier
    })
    const s = sim
    client = createWebexClient({
      baseUrl: s.url,
      tokens: { getAccessToken: () => Promise.resolve(tokens.access_token) },
      retry: FAST
    })
    expect((await client.getMe()).id).toBeTruthy()
    // The code is single-use: a replay is invalid_grant.
    await expect(
      exchangeCode({
        baseUrl: s.url,
        clientId: s.oauthClient.clientId,
        clientSecret: s.oauthClient.clientSecret,
        code,
        redirectUri,
        codeVerifier: pkce.verifier
      })
    ).rejects.toMatchObject({ kind: 'InvalidGrantError' })
  })
})
