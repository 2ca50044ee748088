import { describe, expect, it } from 'vitest'
import { sourcesWithSamples } from '../../../electron/core/mapping/samples'
import { smartMapping } from '../../../electron/core/mapping/smart-mapping'
import { targetFields, type CustomField } from '../../../shared/domain/custom-field'
import { defaultMapping, Mapping } from '../../../shared/domain/mapping'
import { lastRead, RAW_ANN, RAW_BOT } from './fixtures'

const people = [lastRead(RAW_ANN), lastRead(RAW_BOT)]
const sources = sourcesWithSamples(people, [], 3, '2026-11-28T00:00:00.000Z')

let n = 0
const custom = (label: string, type: CustomField['type'] = 'text'): CustomField => ({
  key: `f${++n}`,
  label,
  type,
  options: [],
  unique: false,
  record: 'person',
  createdAt: '',
  updatedAt: ''
})

const propose = (fields: CustomField[], mapping: Mapping = [], overwrite = false) =>
  smartMapping({
    sources,
    targets: targetFields(fields),
    mapping,
    overwrite,
    defaultRole: 'Employee'
  })

describe('Smart Mapping', () => {
  it('proposes the standard fields onto the built-in targets, with reasons and confidence', () => {
    const r = propose([])
    const by = new Map(r.proposals.map((p) => [p.target, p]))
    expect(by.get('username')).toMatchObject({ source: 'email', status: 'new' })
    expect(by.get('username')!.transforms).toEqual([{ kind: 'lowercase' }])
    expect(by.get('email')).toMatchObject({ source: 'email' })
    expect(by.get('firstName')?.source).toBe('firstName')
    expect(by.get('lastName')?.source).toBe('lastName')
    expect(by.get('displayName')?.source).toBe('displayName')
    expect(by.get('webexId')?.source).toBe('id')
    expect(by.get('webexOrgId')?.source).toBe('orgId')
    expect(by.get('webexStatus')?.source).toBe('status')
    expect(by.get('webexType')?.source).toBe('type')
    expect(by.get('webexCreated')?.source).toBe('created')
    expect(by.get('webexLastModified')?.source).toBe('lastModified')
    expect(by.get('invitePending')?.source).toBe('invitePending')
    expect(by.get('role')).toMatchObject({
      source: 'constant',
      transforms: [{ kind: 'constant', value: 'Employee' }]
    })
    for (const p of r.proposals) {
      expect(p.reason.length).toBeGreaterThan(10)
      expect(p.confidence).toBeGreaterThan(0.5)
      expect(p.confidence).toBeLessThanOrEqual(1)
    }
    // The result is a valid, complete mapping.
    expect(Mapping.safeParse(r.mapping).success).toBe(true)
    expect(r.unmatched).toEqual([])
  })

  it('understands odd names, synonyms and value shapes', () => {
    const fields = [
      custom('E-mail Address'),
      custom('Surname'),
      custom('Given name'),
      custom('Job Title'),
      custom('Dept.'),
      custom('Mobile'),
      custom('Last seen', 'date-time'),
      custom('Webex UUID'),
      custom('Work phone'),
      custom('City'),
      custom('Start date', 'date'),
      custom('Licences'),
      custom('Reports to')
    ]
    const r = propose(fields)
    const src = (label: string) =>
      r.proposals.find((p) => p.target === `custom.${fields.find((f) => f.label === label)!.key}`)
    expect(src('E-mail Address')?.source).toBe('email')
    expect(src('Surname')?.source).toBe('lastName')
    expect(src('Given name')?.source).toBe('firstName')
    expect(src('Job Title')?.source).toBe('$.title')
    expect(src('Dept.')?.source).toBe('$.department')
    expect(src('Mobile')?.source).toBe("$.phoneNumbers[?type=='mobile'].value")
    expect(src('Mobile')?.reason).toMatch(/phone numbers/)
    expect(src('Last seen')?.source).toBe('$.lastActivity')
    expect(src('Webex UUID')?.source).toBe('id')
    expect(src('Work phone')?.source).toBe("$.phoneNumbers[?type=='work'].value")
    expect(src('City')?.source).toBe('$.addresses[0].locality')
    expect(src('Licences')).toMatchObject({
      source: '$.licenses',
      transforms: [{ kind: 'license-names' }, { kind: 'join', separator: ', ' }]
    })
    expect(src('Reports to')?.source).toBe('$.manager')
    expect(src('Surname')?.reason).toMatch(/Surname.*Last Name/)
  })

  it('falls back on value shapes when the name is unknown', () => {
    const fields = [custom('Contact mail'), custom('Helpdesk tel'), custom('Favourite colour')]
    const r = propose(fields)
    const by = (i: number) => r.proposals.find((p) => p.target === `custom.${fields[i]!.key}`)
    expect(['email', '$.xmppFederationJid']).toContain(by(0)?.source)
    expect(by(0)?.reason).toMatch(/email addresses/)
    expect(by(1)?.reason).toMatch(/phone numbers/)
    expect(by(2)).toBeUndefined()
    expect(r.unmatched).toContain(`custom.${fields[2]!.key}`)
  })

  it('refuses shapes that do not fit the field type', () => {
    // "Created" names a date, but a number field cannot hold it.
    const field = custom('Created', 'number')
    const r = propose([field])
    expect(r.proposals.find((p) => p.target === `custom.${field.key}`)).toBeUndefined()
  })

  it('never overwrites the admin mapping unless asked', () => {
    const mine: Mapping = [
      ...defaultMapping('Contractor'),
      { source: '$.nickName', target: 'firstName' }
    ].filter((e) => !(e.target === 'firstName' && e.source === 'firstName'))
    const kept = propose([], mine)
    const first = kept.proposals.find((p) => p.target === 'firstName')!
    expect(first).toMatchObject({ source: '$.nickName', status: 'kept', confidence: 1 })
    expect(kept.mapping.find((e) => e.target === 'firstName')?.source).toBe('$.nickName')
    expect(kept.mapping.find((e) => e.target === 'role')?.transform).toEqual({
      kind: 'constant',
      value: 'Contractor'
    })

    const over = propose([], mine, true)
    expect(over.proposals.find((p) => p.target === 'firstName')).toMatchObject({
      source: 'firstName',
      status: 'replaced'
    })
    expect(over.mapping.filter((e) => e.target === 'firstName')).toEqual([
      { source: 'firstName', target: 'firstName' }
    ])
    // The Role is the admin's choice either way.
    expect(over.mapping.find((e) => e.target === 'role')?.transform).toEqual({
      kind: 'constant',
      value: 'Contractor'
    })
  })
})
