import { describe, expect, it } from 'vitest'
import { PERSON_STATUSES } from '../../../electron/core/webex/schemas'
import { generateOrg } from '../../../electron/webex-sim/org/generate'
import { decodeWebexId } from '../../../electron/webex-sim/org/ids'

const NOW = Date.parse('2030-06-15T12:00:00Z')
const org = generateOrg({ users: 5000, seed: 42, now: NOW, booleanForm: 'string' })
const people = org.people

describe('synthetic org generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateOrg({ users: 5000, seed: 42, now: NOW, booleanForm: 'string' })
    expect(again.people).toEqual(people)
    const other = generateOrg({ users: 50, seed: 43, now: NOW, booleanForm: 'string' })
    expect(other.people[5]!.id).not.toBe(people[5]!.id)
  })

  it('builds Webex-style ids and unique lower-case emails', () => {
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length)
    for (const p of people.slice(0, 50)) expect(decodeWebexId(p.id)?.kind).toBe('PEOPLE')
    const emails = people.flatMap((p) => p.emails ?? [])
    expect(new Set(emails).size).toBe(emails.length)
    for (const e of emails) expect(e).toBe(e.toLowerCase())
    expect(people.some((p) => (p.emails ?? []).length > 1)).toBe(true)
  })

  it('includes awkward names', () => {
    const names = people.map((p) => p.displayName)
    expect(names).toContain('Zoë Ødegård')
    expect(names).toContain('José Nuñez')
    expect(names.some((n) => n?.includes("O'Brien"))).toBe(true)
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n ?? ''))).toBe(true)
    expect(Math.max(...names.map((n) => n?.length ?? 0))).toBeGreaterThan(70)
  })

  it('covers every status, every type, both boolean values, phone types and admin roles', () => {
    expect(new Set(people.map((p) => p.status))).toEqual(new Set(PERSON_STATUSES))
    expect(new Set(people.map((p) => p.type))).toEqual(new Set(['person', 'bot', 'appuser']))
    expect(people.filter((p) => p.type === 'person').length / people.length).toBeGreaterThan(0.9)
    expect(new Set(people.map((p) => p.invitePending))).toEqual(new Set(['true', 'false']))
    expect(new Set(people.map((p) => p.loginEnabled))).toEqual(new Set(['true', 'false']))
    const phoneTypes = new Set(people.flatMap((p) => (p.phoneNumbers ?? []).map((n) => n.type)))
    expect(phoneTypes).toEqual(new Set(['work', 'work_extension', 'mobile', 'fax']))
    const admins = people.filter((p) => (p.roles ?? []).length > 0)
    expect(admins.length).toBeGreaterThan(5)
    expect(admins.length).toBeLessThan(people.length * 0.05)
    expect(people[0]!.roles).toEqual([org.roles[0]!.id])
    expect(people[1]!.roles).toEqual([])
  })

  it('keeps dates consistent and leaves about 15% never active', () => {
    for (const p of people) {
      const created = Date.parse(p.created!)
      expect(created).toBeLessThanOrEqual(Date.parse(p.lastModified!))
      expect(Date.parse(p.lastModified!)).toBeLessThanOrEqual(NOW)
      if (p.lastActivity) {
        expect(Date.parse(p.lastActivity)).toBeGreaterThanOrEqual(created)
        expect(Date.parse(p.lastActivity)).toBeGreaterThan(NOW - 2 * 366 * 86_400_000)
      }
      if (p.status === 'pending') expect(p.lastActivity).toBeUndefined()
    }
    const never = people.filter((p) => !p.lastActivity).length / people.length
    expect(never).toBeGreaterThan(0.1)
    expect(never).toBeLessThan(0.2)
  })

  it('points managerId at people who exist', () => {
    const ids = new Set(people.map((p) => p.id))
    const managed = people.filter((p) => p.managerId)
    expect(managed.length).toBeGreaterThan(people.length / 3)
    for (const p of managed) expect(ids.has(p.managerId!)).toBe(true)
  })

  it('can emit booleans instead of strings', () => {
    const b = generateOrg({ users: 20, seed: 42, now: NOW, booleanForm: 'boolean' })
    expect(typeof b.people[3]!.invitePending).toBe('boolean')
  })
})
