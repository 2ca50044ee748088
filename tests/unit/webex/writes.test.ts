import { afterEach, describe, expect, it } from 'vitest'
import { WebexApiError, WebexWriteUnverifiedError } from '../../../electron/core/webex/errors'
import { clientFor, json, person, startServer, type WireServer } from './wire'

let server: WireServer | undefined
afterEach(async () => server?.close())

describe('createPerson (F14)', () => {
  it('created: one POST, parsed person', async () => {
    server = await startServer((_req, res) => json(res, 200, person(1)))
    const client = clientFor(server)
    const r = await client.createPerson({ emails: ['user1@example.com'], displayName: 'User 1' })
    expect(r).toMatchObject({ status: 'created', person: { id: 'P1' } })
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      emails: ['user1@example.com'],
      displayName: 'User 1'
    })
    client.close()
  })

  it('400 after creating: a GET by email finds the person, no second POST', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 400, { message: 'calling fan-out failed' })
      if (req.query.get('email') === 'user1@example.com')
        return json(res, 200, { items: [person(1)] })
      json(res, 200, { items: [] })
    })
    const client = clientFor(server)
    const r = await client.createPerson({ emails: ['User1@Example.com'], displayName: 'User 1' })
    expect(r.status).toBe('found-after-error')
    expect(r.status === 'found-after-error' && r.person.id).toBe('P1')
    expect(server.requests.map((x) => x.method)).toEqual(['POST', 'GET', 'GET'])
    client.close()
  })

  it('timeout / reset after the server received the POST: verified, never re-POSTed', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') res.destroy()
      else json(res, 200, { items: [] })
    })
    const client = clientFor(server)
    const r = await client.createPerson({ emails: ['new@example.com'], firstName: 'N' })
    expect(r.status).toBe('not-created')
    expect(server.requests.filter((x) => x.method === 'POST')).toHaveLength(1)
    client.close()
  })

  it('a 429 on POST is waited out and re-sent (the server did not act)', async () => {
    let n = 0
    server = await startServer((_req, res) => {
      if (++n === 1) return json(res, 429, {}, { 'retry-after': '0.05' })
      json(res, 200, person(1))
    })
    const client = clientFor(server)
    expect((await client.createPerson({ emails: ['a@b.c'], displayName: 'A' })).status).toBe(
      'created'
    )
    expect(server.requests).toHaveLength(2)
    client.close()
  })

  it('a 5xx is not retried blindly; when the check fails too, the outcome is unverified', async () => {
    server = await startServer((_req, res) => json(res, 503, { message: 'down' }))
    const client = clientFor(server, { retry: { maxAttempts: 2, baseDelayMs: 1 } })
    const err = await client
      .createPerson({ emails: ['a@b.c'], displayName: 'A' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WebexWriteUnverifiedError)
    expect(server.requests.filter((x) => x.method === 'POST')).toHaveLength(1)
    client.close()
  })

  it('a 403 is not ambiguous: thrown as is, no verification', async () => {
    server = await startServer((_req, res) => json(res, 403, { message: 'not admin' }))
    const client = clientFor(server)
    await expect(
      client.createPerson({ emails: ['a@b.c'], displayName: 'A' })
    ).rejects.toBeInstanceOf(WebexApiError)
    expect(server.requests).toHaveLength(1)
    client.close()
  })

  it('refuses an invalid body before sending', async () => {
    server = await startServer((_req, res) => json(res, 200, person(1)))
    const client = clientFor(server)
    await expect(client.createPerson({ emails: ['a@b.c'] })).rejects.toThrow(/displayName/)
    await expect(client.createPerson({ emails: [] })).rejects.toThrow(/Invalid person/)
    expect(server.requests).toHaveLength(0)
    client.close()
  })
})

const full = person(5, {
  nickName: 'U',
  avatar: 'https://avatar/x.png',
  licenses: ['L1', 'L2'],
  roles: ['R1'],
  phoneNumbers: [{ type: 'work', value: '+1 555', primary: 'true' }],
  addresses: [{ type: 'work', country: 'US' }],
  department: 'Ops',
  title: 'Engineer',
  loginEnabled: 'true',
  // Read-only: never sent back.
  status: 'active',
  lastActivity: '2026-01-01T00:00:00.000Z',
  created: '2020-01-01T00:00:00.000Z',
  sipAddresses: [{ type: 'enterprise', value: 'x@y', primary: true }],
  invitePending: 'false',
  xmppFederationJid: 'x@y'
})

describe('updatePerson (full PUT, F15)', () => {
  it('GET → merge → PUT of the complete person, read-only fields excluded', async () => {
    let stored: Record<string, unknown> = { ...full }
    server = await startServer((req, res) => {
      if (req.method === 'PUT') {
        stored = { ...stored, ...(JSON.parse(req.body) as Record<string, unknown>) }
        return json(res, 200, stored)
      }
      json(res, 200, stored)
    })
    const client = clientFor(server)
    const r = await client.updatePerson('P5', { title: 'Lead', department: null })
    expect(r.status).toBe('updated')
    const put = server.requests.find((x) => x.method === 'PUT')!
    expect(put.path).toBe('/v1/people/P5')
    const body = JSON.parse(put.body) as Record<string, unknown>
    expect(body).toEqual({
      emails: ['user5@example.com'],
      displayName: 'User 5',
      firstName: 'User',
      lastName: '5',
      orgId: 'ORG',
      nickName: 'U',
      avatar: 'https://avatar/x.png',
      licenses: ['L1', 'L2'],
      roles: ['R1'],
      phoneNumbers: [{ type: 'work', value: '+1 555', primary: true }],
      addresses: [{ type: 'work', country: 'US' }],
      title: 'Lead',
      loginEnabled: true
    })
    for (const ro of ['status', 'lastActivity', 'created', 'sipAddresses', 'invitePending', 'id']) {
      expect(body).not.toHaveProperty(ro)
    }
    client.close()
  })

  it('after a 500 that applied half the fields, GETs and reports what is missing', async () => {
    let stored: Record<string, unknown> = { ...full }
    server = await startServer((req, res) => {
      if (req.method === 'PUT') {
        const b = JSON.parse(req.body) as Record<string, unknown>
        stored = { ...stored, title: b.title } // half applied: the department change is lost
        return json(res, 500, { message: 'partial' })
      }
      json(res, 200, stored)
    })
    const client = clientFor(server)
    const r = await client.updatePerson('P5', { title: 'Lead', department: 'R&D' })
    expect(r.status).toBe('failed')
    if (r.status !== 'failed') return
    expect(r.serverNow?.title).toBe('Lead')
    expect(r.unappliedFields).toEqual(['department'])
    expect((r.error as WebexApiError).status).toBe(500)
    expect(server.requests.map((x) => x.method)).toEqual(['GET', 'PUT', 'GET'])
    client.close()
  })

  it('204 answers are followed by a GET of the result', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'PUT') {
        res.writeHead(204)
        res.end()
      } else json(res, 200, full)
    })
    const client = clientFor(server)
    expect((await client.updatePerson('P5', { title: 'Engineer' })).status).toBe('updated')
    client.close()
  })

  it('refuses read-only fields in the changes', async () => {
    server = await startServer((_req, res) => json(res, 200, full))
    const client = clientFor(server)
    await expect(
      // The body schema is loose, so only the runtime check stands between a read-only field and a PUT.
      client.updatePerson('P5', { status: 'active' })
    ).rejects.toThrow(/cannot be written/)
    expect(server.requests.filter((x) => x.method === 'PUT')).toHaveLength(0)
    client.close()
  })
})

describe('deletePerson', () => {
  it('204 → deleted; 404 → not-found', async () => {
    server = await startServer((req, res) => {
      if (req.path.endsWith('/gone')) return json(res, 404, { message: 'no such person' })
      res.writeHead(204)
      res.end()
    })
    const client = clientFor(server)
    expect(await client.deletePerson('P1')).toEqual({ status: 'deleted' })
    expect(await client.deletePerson('gone')).toEqual({ status: 'not-found' })
    client.close()
  })

  it('a 502 is verified with a GET, not retried', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'DELETE') return json(res, 502, {})
      if (req.path.endsWith('/P1')) return json(res, 404, {})
      json(res, 200, person(2))
    })
    const client = clientFor(server)
    expect((await client.deletePerson('P1')).status).toBe('gone-after-error')
    expect((await client.deletePerson('P2')).status).toBe('still-present-after-error')
    expect(server.requests.filter((x) => x.method === 'DELETE')).toHaveLength(2)
    client.close()
  })
})
