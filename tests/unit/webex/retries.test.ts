import { afterEach, describe, expect, it } from 'vitest'
import {
  RetryExhaustedError,
  WebexApiError,
  WebexMalformedResponseError
} from '../../../electron/core/webex/errors'
import { clientFor, json, person, resetMidBody, startServer, type WireServer } from './wire'

let server: WireServer | undefined
afterEach(async () => server?.close())

describe('retries and the shared rate gate', () => {
  it('honours Retry-After: no request arrives before it elapsed, for any call of the client (F9)', async () => {
    let throttled = false
    server = await startServer((req, res) => {
      if (!throttled && req.path === '/v1/people/P1') {
        throttled = true
        return json(res, 429, { message: 'slow down' }, { 'retry-after': '1' })
      }
      json(res, 200, person(Number(req.path.slice(-1)) || 1))
    })
    const client = clientFor(server)
    const first = client.getPerson('P1')
    // Give the 429 time to land, then start another call: it must wait too.
    await new Promise((r) => setTimeout(r, 100))
    expect(client.throttledUntil).toBeGreaterThan(Date.now())
    const second = client.getPerson('P2')
    await Promise.all([first, second])
    const throttleAt = server.requests[0]!.at
    const later = server.requests.slice(1)
    expect(later).toHaveLength(2)
    for (const r of later) expect(r.at - throttleAt).toBeGreaterThanOrEqual(1000 - 5)
    client.close()
  })

  it('423 without Retry-After waits the configured default', async () => {
    let n = 0
    server = await startServer((_req, res) => {
      if (++n === 1) return json(res, 423, { message: 'locked' })
      json(res, 200, person(1))
    })
    const client = clientFor(server, { retry: { defaultRetryAfterMs: 200, baseDelayMs: 1 } })
    await client.getPerson('P1')
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(195)
    client.close()
  })

  it('retries 500/502/503/504 on reads, then succeeds', async () => {
    const statuses = [500, 502, 503, 504]
    server = await startServer((_req, res) => {
      const s = statuses.shift()
      if (s) return json(res, s, { message: 'oops' })
      json(res, 200, person(1))
    })
    const client = clientFor(server)
    await expect(client.getPerson('P1')).resolves.toMatchObject({ id: 'P1' })
    expect(server.requests).toHaveLength(5)
    client.close()
  })

  it('gives up after maxAttempts with RetryExhaustedError carrying the last tracking id', async () => {
    server = await startServer((req, res) =>
      json(res, 503, { message: 'busy', trackingId: `T${req.seq}` })
    )
    const client = clientFor(server, { retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 } })
    const err = await client.getPerson('P1').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RetryExhaustedError)
    const ex = err as RetryExhaustedError
    expect(ex.attempts).toBe(4)
    expect(ex.trackingId).toBe('T4')
    expect((ex.lastError as WebexApiError).status).toBe(503)
    expect(server.requests).toHaveLength(4)
    client.close()
  })

  it('a connection reset mid-body is retried and only the full body is used (F6)', async () => {
    let n = 0
    server = await startServer((_req, res) => {
      if (++n <= 2) return resetMidBody(res, person(1, { title: 'x'.repeat(5000) }))
      json(res, 200, person(1, { title: 'complete' }))
    })
    const client = clientFor(server)
    await expect(client.getPerson('P1')).resolves.toMatchObject({ title: 'complete' })
    expect(server.requests).toHaveLength(3)
    client.close()
  })

  it('a connection refused is retried and then reported as exhausted network error', async () => {
    server = await startServer((_req, res) => json(res, 200, {}))
    const base = server.base
    await server.close()
    server = undefined
    const { createWebexClient } = await import('../../../electron/core/webex/client')
    const client = createWebexClient({
      baseUrl: base,
      tokens: { getAccessToken: () => Promise.resolve('t') },
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 }
    })
    const err = await client.getMe().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RetryExhaustedError)
    expect((err as RetryExhaustedError).code).toBe('NETWORK_ERROR')
    client.close()
  })

  it('does not retry a 4xx, and the error carries status, Webex message and tracking id', async () => {
    server = await startServer((_req, res) =>
      json(
        res,
        403,
        { message: 'Not an admin', errors: [{ description: 'x' }] },
        { trackingid: 'HDR_1' }
      )
    )
    const client = clientFor(server)
    const err = (await client.listRoles().catch((e: unknown) => e)) as WebexApiError
    expect(err).toBeInstanceOf(WebexApiError)
    expect(err).toMatchObject({
      status: 403,
      webexMessage: 'Not an admin',
      trackingId: 'HDR_1',
      retryable: false
    })
    expect(server.requests).toHaveLength(1)
    client.close()
  })

  it('sends a ROSTER_<uuid>_<seq> tracking id, bearer token and user agent on every request', async () => {
    server = await startServer((_req, res) => json(res, 200, { items: [] }))
    const client = clientFor(server)
    await client.listRoles()
    await client.listLicenses({ orgId: 'O1' })
    const ids = server.requests.map((r) => String(r.headers.trackingid))
    expect(ids[0]).toMatch(/^ROSTER_[0-9a-f-]{36}_1$/)
    expect(ids[1]).toMatch(/_2$/)
    expect(ids[0]!.split('_')[1]).toBe(ids[1]!.split('_')[1])
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok-1')
    expect(server.requests[1]!.query.get('orgId')).toBe('O1')
    client.close()
  })

  it('validates every response: a malformed body is a typed error, not retried', async () => {
    server = await startServer((req, res) => {
      if (req.path === '/v1/roles') return json(res, 200, { nope: [] })
      if (req.path === '/v1/organizations')
        return json(res, 200, { items: [{ displayName: 'no id' }] })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"id": "P1", "access_token=abc')
    })
    const client = clientFor(server)
    await expect(client.listRoles()).rejects.toBeInstanceOf(WebexMalformedResponseError)
    await expect(client.listOrganizations()).rejects.toBeInstanceOf(WebexMalformedResponseError)
    const err = (await client
      .getPerson('P1')
      .catch((e: unknown) => e)) as WebexMalformedResponseError
    expect(err).toBeInstanceOf(WebexMalformedResponseError)
    expect(err.sample).not.toContain('abc')
    expect(server.requests).toHaveLength(3)
    client.close()
  })

  it('typed getters parse licences, roles and organizations', async () => {
    server = await startServer((req, res) => {
      if (req.path === '/v1/licenses')
        return json(res, 200, { items: [{ id: 'L1', totalUnits: 5, extra: 1 }] })
      if (req.path === '/v1/licenses/L1') return json(res, 200, { id: 'L1', name: 'Meetings' })
      if (req.path === '/v1/roles/R%2F1')
        return json(res, 200, { id: 'R/1', name: 'Full Administrator' })
      if (req.path === '/v1/organizations/O1')
        return json(res, 200, { id: 'O1', displayName: 'Acme' })
      if (req.path === '/v1/people/me') return json(res, 200, person(9, { loginEnabled: 'true' }))
      json(res, 404, { message: 'no' })
    })
    const client = clientFor(server)
    expect(await client.listLicenses()).toEqual([{ id: 'L1', totalUnits: 5, extra: 1 }])
    expect(await client.getLicense('L1')).toMatchObject({ name: 'Meetings' })
    expect(await client.getRole('R/1')).toMatchObject({ name: 'Full Administrator' })
    expect(await client.getOrganization('O1')).toMatchObject({ displayName: 'Acme' })
    expect(await client.getMe()).toMatchObject({ id: 'P9', loginEnabled: true })
    expect(await client.findPerson('nobody')).toBeNull()
    client.close()
  })
})
