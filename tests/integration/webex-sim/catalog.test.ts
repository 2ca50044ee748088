import { describe, expect, it } from 'vitest'
import { call, callChecked, startSim } from './helpers'

type License = {
  id: string
  name: string
  consumedUnits: number
  consumedByUsers: number
  consumedByWorkspaces: number
  totalUnits: number
}

describe('licences, roles, organizations', () => {
  it('licence consumption matches the people who hold each licence, also after changes', async () => {
    const sim = await startSim({ users: 500 })
    const list = async () =>
      ((await callChecked(sim, '/licenses', '/licenses')).json() as { items: License[] }).items
    const licenses = await list()
    expect(licenses.length).toBeGreaterThanOrEqual(5)
    for (const l of licenses) {
      const holders = sim.org.all().filter((p) => p.licenses?.includes(l.id)).length
      expect(l.consumedByUsers).toBe(holders)
      expect(l.consumedUnits).toBe(l.consumedByUsers + l.consumedByWorkspaces)
      expect(l.totalUnits).toBeGreaterThanOrEqual(l.consumedUnits)
    }
    const messaging = licenses.find((l) => l.name === 'Messaging')!
    // Not the built-in admin or member: their tokens are used below.
    const holder = sim.org
      .all()
      .slice(2)
      .find((p) => p.licenses?.includes(messaging.id))!
    await call(sim, `/people/${holder.id}`, { method: 'DELETE' })
    const after = (await list()).find((l) => l.id === messaging.id)!
    expect(after.consumedByUsers).toBe(messaging.consumedByUsers - 1)

    const one = await callChecked(
      sim,
      '/licenses/{licenseId}',
      `/licenses/${messaging.id}?includeAssignedTo=user&limit=10`
    )
    expect((one.json() as { users: unknown[] }).users).toHaveLength(10)
    expect((await callChecked(sim, '/licenses/{licenseId}', '/licenses/nope')).status).toBe(404)
    expect(
      (await callChecked(sim, '/licenses', '/licenses', { token: sim.userToken })).status
    ).toBe(403)
  })

  it('lists the admin roles by name and resolves one by id', async () => {
    const sim = await startSim()
    const roles = (
      (await callChecked(sim, '/roles', '/roles')).json() as {
        items: { id: string; name: string }[]
      }
    ).items
    expect(roles.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'Full Administrator',
        'User Administrator',
        'Read-only Administrator',
        'Device Administrator',
        'Support Administrator'
      ])
    )
    const r = await callChecked(sim, '/roles/{roleId}', `/roles/${roles[0]!.id}`)
    expect(r.json()).toEqual(roles[0])
    expect((await callChecked(sim, '/roles/{roleId}', '/roles/unknown')).status).toBe(404)
  })

  it('lists the one organization and resolves it by id', async () => {
    const sim = await startSim()
    const orgs = (
      (await callChecked(sim, '/organizations', '/organizations')).json() as {
        items: { id: string }[]
      }
    ).items
    expect(orgs).toHaveLength(1)
    expect(sim.org.all()[0]!.orgId).toBe(orgs[0]!.id)
    const org = await callChecked(sim, '/organizations/{orgId}', `/organizations/${orgs[0]!.id}`)
    expect(org.json()).toEqual(orgs[0])
    expect((await callChecked(sim, '/organizations/{orgId}', '/organizations/nope')).status).toBe(
      404
    )
  })
})
