import { describe, expect, it } from 'vitest'
import { call, callChecked, startSim } from './helpers'
import { assertErrorMatchesSpec, assertMatchesSpec } from './spec-validator'

type PersonJson = Record<string, unknown> & { id: string; emails: string[] }
const ONE = '/people/{personId}'

describe('people writes and lookups: Webex quirks', () => {
  it('POST answers 200 (not 201) and fills id, orgId, dates, pending status and displayName', async () => {
    const sim = await startSim()
    const r = await callChecked(sim, '/people', '/people', {
      method: 'POST',
      body: { emails: ['New.Person@Example.com'], firstName: 'Nuria', lastName: 'Ní Bhriain' }
    })
    expect(r.status).toBe(200)
    const p = r.json() as PersonJson
    expect(p.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(Buffer.from(p.id, 'base64url').toString()).toMatch(/^ciscospark:\/\/us\/PEOPLE\//)
    expect(p).toMatchObject({
      emails: ['new.person@example.com'],
      displayName: 'Nuria Ní Bhriain',
      status: 'pending',
      invitePending: 'true',
      loginEnabled: 'true',
      type: 'person'
    })
    expect(p.created).toBe(p.lastModified)
    expect((await callChecked(sim, ONE, `/people/${p.id}`)).json()).toEqual(p)
  })

  it('POST needs an email and a name (400) and refuses a taken email (409)', async () => {
    const sim = await startSim()
    const post = (body: unknown) => callChecked(sim, '/people', '/people', { method: 'POST', body })
    expect((await post({ displayName: 'No Mail' })).status).toBe(400)
    expect((await post({ emails: [], displayName: 'Empty' })).status).toBe(400)
    expect((await post({ emails: ['x@example.com'] })).status).toBe(400)
    expect((await post({ emails: ['not-an-email'], displayName: 'Bad' })).status).toBe(400)
    expect(
      (await post({ emails: ['x@example.com'], displayName: 'X', licenses: ['nope'] })).status
    ).toBe(400)
    const taken = sim.org.all()[5]!.emails![0]!.toUpperCase()
    expect((await post({ emails: [taken], displayName: 'Dup' })).status).toBe(409)
    expect((await call(sim, '/people', { method: 'POST', body: '{not json' })).status).toBe(400)
  })

  it('PUT replaces the whole person: omitted fields are cleared, read-only ones kept', async () => {
    const sim = await startSim({ clock: () => Date.parse('2030-01-01T00:00:00Z') })
    const before = sim.org.all().find((p) => p.department && p.title && p.phoneNumbers)!
    const r = await callChecked(sim, ONE, `/people/${before.id}`, {
      method: 'PUT',
      body: { displayName: 'Renamed Only' }
    })
    expect(r.status).toBe(200)
    const after = r.json() as PersonJson
    expect(after.displayName).toBe('Renamed Only')
    for (const gone of [
      'department',
      'title',
      'phoneNumbers',
      'firstName',
      'lastName',
      'licenses'
    ]) {
      expect(after).not.toHaveProperty(gone)
    }
    expect(after).toMatchObject({
      id: before.id,
      emails: before.emails,
      created: before.created,
      orgId: before.orgId
    })
    expect(after.lastModified).toBe('2030-01-01T00:00:00.000Z')
    expect(sim.org.get(before.id)).toEqual(after)
  })

  it('a listing after a PUT serves the new version of the person (pages are built from cached bytes)', async () => {
    const sim = await startSim({ users: 50 })
    const target = sim.org.all()[7]!
    const listed = async () => {
      const r = await callChecked(sim, '/people', '/people?max=1000')
      return (r.json() as { items: PersonJson[] }).items.find((p) => p.id === target.id)
    }
    expect((await listed())?.displayName).toBe(target.displayName)
    const put = await call(sim, `/people/${target.id}`, {
      method: 'PUT',
      body: { displayName: 'Renamed Since', emails: target.emails }
    })
    expect(put.status).toBe(200)
    expect((await listed())?.displayName).toBe('Renamed Since')
  })

  it('PUT without displayName is a 400 and leaves the person unchanged; unknown id is a 404', async () => {
    const sim = await startSim()
    const p = sim.org.all()[3]!
    const r = await callChecked(sim, ONE, `/people/${p.id}`, {
      method: 'PUT',
      body: { title: 'CEO' }
    })
    expect(r.status).toBe(400)
    expect(sim.org.get(p.id)).toEqual(p)
    const missing = await callChecked(sim, ONE, '/people/Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ubw', {
      method: 'PUT',
      body: { displayName: 'X' }
    })
    expect(missing.status).toBe(404)
    const other = sim.org.all()[4]!.emails![0]!
    const dup = await call(sim, `/people/${p.id}`, {
      method: 'PUT',
      body: { displayName: 'X', emails: [other] }
    })
    expect(dup.status).toBe(409)
  })

  it('DELETE answers 204 with no body, 404 for unknown ids, 403 for a member token', async () => {
    const sim = await startSim()
    const victim = sim.org.all()[20]!
    const denied = await callChecked(sim, ONE, `/people/${victim.id}`, {
      method: 'DELETE',
      token: sim.userToken
    })
    expect(denied.status).toBe(403)
    const ok = await callChecked(sim, ONE, `/people/${victim.id}`, { method: 'DELETE' })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('trackingid')).toMatch(/^ROUTER_SIM_/)
    expect(sim.org.get(victim.id)).toBeUndefined()
    expect((await callChecked(sim, ONE, `/people/${victim.id}`, { method: 'DELETE' })).status).toBe(
      404
    )
    expect((await callChecked(sim, ONE, `/people/${victim.id}`)).status).toBe(404)
  })

  it('GET /people/me answers for the token owner', async () => {
    const sim = await startSim()
    const admin = (await callChecked(sim, '/people/me', '/people/me')).json() as PersonJson
    expect(admin.roles).toHaveLength(1)
    const member = (
      await callChecked(sim, '/people/me', '/people/me', { token: sim.userToken })
    ).json() as PersonJson
    expect(member.id).not.toBe(admin.id)
    expect(member.roles).toEqual([])
  })

  it('401 for a missing, wrong or expired token; 404 unknown path; 405 wrong method; tracking id everywhere', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z')
    const sim = await startSim({ clock: () => now })
    const { accessToken } = sim.issueTokens({ accessTtlSec: 60 })
    expect((await call(sim, '/people/me', { token: accessToken })).status).toBe(200)
    now += 61_000
    for (const token of [null, 'wrong', accessToken]) {
      const r = await callChecked(sim, '/people/me', '/people/me', { token })
      expect(r.status).toBe(401)
      expect((r.json() as { trackingId: string }).trackingId).toBe(r.headers.get('trackingid'))
    }
    const unknown = await call(sim, '/nothing-here')
    expect(unknown.status).toBe(404)
    assertErrorMatchesSpec(unknown.text)
    const wrong = await call(sim, '/people/me', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    assertErrorMatchesSpec(wrong.text)
    const ids = new Set(sim.requests().map((q) => q.seq))
    expect(ids.size).toBe(sim.requests().length)
  })

  it('the spec validator itself rejects a wrong person shape', () => {
    const bad = JSON.stringify({ id: 'x', status: 'sleeping' })
    expect(() => assertMatchesSpec('GET', ONE, 200, bad)).toThrow(/violates/)
    expect(() =>
      assertMatchesSpec('GET', ONE, 200, JSON.stringify({ id: 'x', madeUp: 1 }))
    ).toThrow()
    expect(() => assertMatchesSpec('DELETE', ONE, 204, '{}')).toThrow()
    expect(() =>
      assertMatchesSpec('GET', ONE, 200, JSON.stringify({ id: 'x', loginEnabled: true }))
    ).not.toThrow()
  })
})
