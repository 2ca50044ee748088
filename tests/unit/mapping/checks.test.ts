import { describe, expect, it } from 'vitest'
import { sourcesWithSamples } from '../../../electron/core/mapping/samples'
import { checkSyncKeys } from '../../../electron/core/mapping/sync-key-check'
import { validateMapping } from '../../../electron/core/mapping/validate-mapping'
import { mapPersonValues } from '../../../electron/core/mapping/map-values'
import { targetFields, type CustomField } from '../../../shared/domain/custom-field'
import { defaultMapping, type Mapping } from '../../../shared/domain/mapping'
import { lastRead, RAW_ANN, RAW_BOT } from './fixtures'

const people = [lastRead(RAW_ANN), lastRead(RAW_BOT)]
const syncTime = '2026-11-28T00:00:00.000Z'
const shapes = new Map(sourcesWithSamples(people, [], 1, syncTime).map((f) => [f.key, f.shape]))
const field = (key: string, type: CustomField['type'], unique = false): CustomField => ({
  key,
  label: key[0]!.toUpperCase() + key.slice(1),
  type,
  options: [],
  unique,
  record: 'person',
  createdAt: '',
  updatedAt: ''
})
const custom = [
  field('seats', 'number'),
  field('hired', 'date'),
  field('phones', 'text'),
  field('badge', 'text', true),
  field('dept', 'text')
]
const targets = targetFields(custom)

describe('mapping validation', () => {
  it('accepts the default mapping', () => {
    expect(
      validateMapping({ mapping: defaultMapping(), targets, shapes, roles: ['Employee'] })
    ).toEqual([])
  })

  it('reports the mandatory mappings in plain words', () => {
    const issues = validateMapping({ mapping: [], targets, shapes })
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['username', 'Map Webex Email to Username (mandatory).'],
      ['email', 'Map Webex Email to Email (mandatory).'],
      ['role', 'Choose a Role (mandatory).']
    ])
    const unknownRole = validateMapping({
      mapping: defaultMapping('Pilot'),
      targets,
      shapes,
      roles: ['Employee']
    })
    expect(unknownRole).toEqual([
      { field: 'role', message: 'Role "Pilot" is not in the roles list.', severity: 'error' }
    ])
  })

  it('reports type mismatches per target field', () => {
    const mapping: Mapping = [
      ...defaultMapping(),
      { source: '$.licenses', target: 'custom.seats' },
      { source: '$.department', target: 'custom.hired' },
      { source: '$.phoneNumbers[*].value', target: 'custom.phones' },
      { source: '$.department', target: 'invitePending' },
      { source: 'email', target: 'custom.nope' },
      { source: 'email', target: 'syncTime' }
    ]
    const issues = validateMapping({ mapping, targets, shapes })
    const byField = Object.fromEntries(issues.map((i) => [i.field, i]))
    expect(byField['custom.seats']).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/gives a list: add a "first" transform/) as string
    })
    expect(byField['custom.hired']?.message).toMatch(/is not a date/)
    expect(byField['custom.phones']).toMatchObject({ severity: 'warning' })
    expect(byField['invitePending']?.message).toMatch(/not a yes\/no value/)
    expect(byField['custom.nope']?.message).toMatch(/does not exist/)
    expect(byField['syncTime']?.message).toMatch(/filled by the sync itself/)

    const fixed = validateMapping({
      mapping: [
        ...defaultMapping(),
        { source: '$.licenses', target: 'custom.seats', transforms: [{ kind: 'first' }] },
        { source: 'created', target: 'custom.hired' },
        {
          source: '$.phoneNumbers[*].value',
          target: 'custom.phones',
          transforms: [{ kind: 'join', separator: '; ' }]
        }
      ],
      targets,
      shapes
    })
    // "first" of a list of licence IDs is text, still not a number: said plainly.
    expect(fixed.map((i) => i.field)).toEqual(['custom.seats'])
  })
})

describe('sync key checks', () => {
  const ctx = { syncTime }
  it('only unique fields, and mapped ones', () => {
    const r = checkSyncKeys({
      mapping: defaultMapping(),
      syncKeys: { primary: 'email', secondary: null },
      targets,
      people,
      ctx
    })
    expect(r).toEqual({ ok: true, checked: 2, warnings: [] })
    const bad = checkSyncKeys({
      mapping: defaultMapping(),
      syncKeys: { primary: 'custom.dept', secondary: 'custom.badge' },
      targets,
      people,
      ctx
    })
    expect(bad.warnings.map((w) => [w.which, w.kind])).toEqual([
      ['primary', 'not-unique-field'],
      ['secondary', 'not-mapped']
    ])
  })

  it('warns about duplicates and empty values in the last read', () => {
    const twin = lastRead({ ...RAW_ANN, id: 'twin-id', emails: ['ann.lee@example.com'] })
    const noMail = lastRead({ ...RAW_BOT, id: 'no-mail', emails: [] })
    const r = checkSyncKeys({
      mapping: defaultMapping(),
      syncKeys: { primary: 'email', secondary: 'webexId' },
      targets,
      people: [...people, twin, noMail],
      ctx
    })
    expect(r.ok).toBe(false)
    expect(r.warnings).toEqual([
      expect.objectContaining({ kind: 'empty', count: 1, which: 'primary' }),
      expect.objectContaining({
        kind: 'duplicates',
        count: 2,
        examples: ['ann.lee@example.com']
      })
    ])
    expect(r.warnings[1]!.message).toBe(
      '2 people share 1 Email value: they would match the same record.'
    )
  })
})

describe('mapping a person', () => {
  it('applies sources, templates, chains and typed custom fields', () => {
    const v = mapPersonValues(
      people[0]!.person,
      people[0]!.raw,
      [
        ...defaultMapping(),
        { source: '{{lastName}}, {{firstName}}', target: 'displayName' },
        { source: "$.phoneNumbers[?type=='work'].value", target: 'custom.phones' },
        { source: '$.licenses', target: 'custom.seats', transforms: [{ kind: 'first' }] },
        { source: 'created', target: 'custom.hired' },
        { source: '$.roles', target: 'custom.dept', transforms: [{ kind: 'role-names' }] }
      ],
      {
        syncTime,
        names: { roles: new Map([['role-admin', 'Admin']]), licenses: new Map() },
        customTypes: new Map([
          ['seats', 'number'],
          ['hired', 'date']
        ])
      }
    )
    expect(v).toMatchObject({
      username: 'ann.lee@example.com',
      email: 'ann.lee@example.com',
      displayName: 'Lee, Ann',
      role: 'Employee',
      webexId: RAW_ANN.id,
      invitePending: false,
      custom: {
        phones: '+1 408 555 0101',
        seats: null,
        hired: '2015-10-18',
        dept: 'Admin, role-audit'
      }
    })
  })
})
