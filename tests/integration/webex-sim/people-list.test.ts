import { describe, expect, it } from 'vitest'
import { callChecked, call, nextLink, startSim, walk } from './helpers'

type PersonJson = Record<string, unknown> & { id: string; emails: string[]; displayName?: string }
type PageJson = { items: PersonJson[]; notFoundIds?: string[] }
const T = '/people'

describe('GET /people listing', () => {
  it('reads every person exactly once by following rel="next", and every page matches the spec', async () => {
    const sim = await startSim({ users: 2500 })
    const seen = new Set<string>()
    let url: string | null = `${sim.url}/people?max=1000`
    let pages = 0
    while (url) {
      const r = await callChecked(sim, T, url)
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toBe('application/json;charset=UTF-8')
      for (const p of (r.json() as PageJson).items) seen.add(p.id)
      url = nextLink(r)
      pages++
    }
    expect(pages).toBe(3)
    expect(seen.size).toBe(2500)
  })

  it('defaults max to 100, caps pages at maxPageSize and still links to the next page', async () => {
    const sim = await startSim({ users: 250, maxPageSize: 40 })
    const first = await call(sim, '/people')
    expect((first.json() as PageJson).items).toHaveLength(40)
    expect(nextLink(first)).toContain('cursor=')
    const sim2 = await startSim({ users: 250 })
    expect(((await call(sim2, '/people')).json() as PageJson).items).toHaveLength(100)
    expect(await walk(sim2, '/people?max=1000')).toHaveLength(250)
  })

  it('rejects a non-numeric or zero max and a forged cursor with 400 and a Webex error body', async () => {
    const sim = await startSim()
    for (const path of ['/people?max=abc', '/people?max=0', '/people?cursor=bm90LWEtY3Vyc29y']) {
      const r = await callChecked(sim, T, path)
      expect(r.status).toBe(400)
      const body = r.json() as {
        message: string
        errors: { description: string }[]
        trackingId: string
      }
      expect(body.trackingId).toBe(r.headers.get('trackingid'))
      expect(body.errors[0]?.description).toBeTruthy()
    }
  })

  it('keeps the caller filters in the next link', async () => {
    const sim = await startSim({ users: 400 })
    const r = await call(sim, '/people?max=5&displayName=a&excludeStatus=true')
    const next = new URL(nextLink(r) ?? '')
    expect(next.origin).toBe(new URL(sim.url).origin)
    expect(next.searchParams.get('displayName')).toBe('a')
    expect(next.searchParams.get('excludeStatus')).toBe('true')
    expect(next.searchParams.get('max')).toBe('5')
  })

  it('filters by exact email (case-insensitive) and by displayName prefix', async () => {
    const sim = await startSim()
    const someone = sim.org.all()[10] as PersonJson
    const byEmail = await callChecked(
      sim,
      T,
      `/people?email=${encodeURIComponent(someone.emails[0]!.toUpperCase())}`
    )
    expect((byEmail.json() as PageJson).items.map((p) => p.id)).toEqual([someone.id])
    const none = await call(sim, '/people?email=nobody@nowhere.example')
    expect((none.json() as PageJson).items).toEqual([])

    const prefix = 'zoë'
    const named = await callChecked(sim, T, `/people?displayName=${encodeURIComponent(prefix)}`)
    const items = (named.json() as PageJson).items
    expect(items.length).toBeGreaterThan(0)
    for (const p of items) expect(p.displayName?.toLowerCase().startsWith(prefix)).toBe(true)
  })

  it('looks up by id: up to 85, notFoundIds, no presence fields; more than 85 is a 400', async () => {
    const sim = await startSim()
    const ids = sim.org
      .all()
      .slice(0, 3)
      .map((p) => p.id)
    const missing = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub3QtdGhlcmU'
    const r = await callChecked(sim, T, `/people?id=${[...ids, missing].join(',')}`)
    const page = r.json() as PageJson
    expect(page.items.map((p) => p.id)).toEqual(ids)
    expect(page.notFoundIds).toEqual([missing])
    for (const p of page.items) {
      expect(p).not.toHaveProperty('status')
      expect(p).not.toHaveProperty('lastActivity')
    }
    const tooMany = Array.from({ length: 86 }, (_, i) => `id${i}`).join(',')
    expect((await callChecked(sim, T, `/people?id=${tooMany}`)).status).toBe(400)
  })

  it('filters by roles and locationId (page capped at 50) and caps callingData pages at 100', async () => {
    const sim = await startSim({ users: 1500 })
    const roles = (await call(sim, '/roles')).json() as { items: { id: string; name: string }[] }
    const full = roles.items.find((r) => r.name === 'Full Administrator')!
    const admins = (await call(sim, `/people?roles=${full.id}`)).json() as PageJson
    expect(admins.items.length).toBeGreaterThan(0)
    for (const p of admins.items) expect(p.roles).toContain(full.id)

    const loc = sim.org.all().find((p) => p.locationId)!.locationId!
    const atLoc = await call(sim, `/people?locationId=${loc}&max=1000`)
    const locItems = (atLoc.json() as PageJson).items
    expect(locItems).toHaveLength(50)
    for (const p of locItems) expect(p.locationId).toBe(loc)
    expect(nextLink(atLoc)).not.toBeNull()

    const calling = (await call(sim, '/people?callingData=true&max=1000')).json() as PageJson
    expect(calling.items).toHaveLength(100)
  })

  it('omits status and lastActivity with excludeStatus=true', async () => {
    const sim = await startSim()
    const items = ((await call(sim, '/people?excludeStatus=true&max=300')).json() as PageJson).items
    expect(items.some((p) => 'status' in p || 'lastActivity' in p)).toBe(false)
    const full = ((await call(sim, '/people?max=300')).json() as PageJson).items
    expect(full.every((p) => 'status' in p)).toBe(true)
  })

  it('answers 403 for another orgId and for a member listing without email or displayName', async () => {
    const sim = await startSim()
    const otherOrg = 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vdGhlcg'
    expect((await callChecked(sim, T, `/people?orgId=${otherOrg}`)).status).toBe(403)
    expect((await callChecked(sim, T, '/people', { token: sim.userToken })).status).toBe(403)
    const self = await callChecked(sim, T, '/people?displayName=Morgan', { token: sim.userToken })
    expect(self.status).toBe(200)
  })
})
