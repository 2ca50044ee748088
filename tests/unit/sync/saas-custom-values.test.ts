/**
 * Custom SaaS user fields in the pure sync code: the values hash stays what it was before they
 * existed (so an upgraded store is not rewritten), `saas.custom.<key>` entries fill SaasValues.custom
 * with the person custom fields' transforms and typing, and diffs name them.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mapPersonValues } from '../../../electron/core/mapping/map-values'
import { validateMapping } from '../../../electron/core/mapping/validate-mapping'
import { mapSaasUser } from '../../../electron/core/sync/map-person'
import { saasDiff } from '../../../electron/core/sync/match'
import { hashSaasValues, type SaasValues } from '../../../electron/core/sync/record-values'
import { targetFields, type CustomField } from '../../../shared/domain/custom-field'
import { defaultMapping, MappingTarget, type Mapping } from '../../../shared/domain/mapping'
import { lastRead, RAW_ANN } from '../mapping/fixtures'

const ann = lastRead(RAW_ANN)
const syncTime = '2026-11-28T00:00:00.000Z'
const names = {
  roles: new Map([['role-admin', 'Admin']]),
  licenses: new Map([['lic-meet', 'Meet']])
}

const values = (custom: SaasValues['custom']): SaasValues => ({
  webexId: 'id-1',
  email: 'ann@example.com',
  displayName: 'Ann Lee',
  roles: ['Admin'],
  status: 'active',
  lastActivity: null,
  licenses: ['Meet'],
  invitePending: false,
  loginEnabled: true,
  type: 'person',
  custom
})

const field = (key: string, type: CustomField['type'], record: CustomField['record']) => ({
  key,
  label: key,
  type,
  options: [],
  unique: false,
  record,
  createdAt: '',
  updatedAt: ''
})

describe('SaaS user values hash', () => {
  it('is byte-identical to the pre-custom formula when custom is empty', () => {
    // The formula before custom SaaS fields, written out: sha1 over [webexId, [the nine values]].
    const old = createHash('sha1')
      .update(
        '["id-1",["ann@example.com","Ann Lee",["Admin"],"active",null,["Meet"],false,true,"person"]]'
      )
      .digest('base64url')
    expect(hashSaasValues(values({}))).toBe(old)
  })

  it('changes with custom values, whatever their key order', () => {
    const plain = hashSaasValues(values({}))
    const a = hashSaasValues(values({ costCentre: '4711', seats: 2 }))
    expect(a).not.toBe(plain)
    expect(hashSaasValues(values({ seats: 2, costCentre: '4711' }))).toBe(a)
    expect(hashSaasValues(values({ costCentre: '4712', seats: 2 }))).not.toBe(a)
  })
})

describe('mapping into SaaS user custom fields', () => {
  const mapping: Mapping = [
    ...defaultMapping(),
    {
      source: '$.department',
      target: 'saas.custom.costCentre',
      transforms: [{ kind: 'uppercase' }]
    },
    { source: '$.extension', target: 'saas.custom.ext' },
    {
      source: '$.licenses',
      target: 'saas.custom.licenceList',
      transforms: [{ kind: 'license-names' }]
    }
  ]
  const customTypes = new Map([
    ['costCentre', 'text' as const],
    ['ext', 'number' as const]
  ])

  it('fills SaasValues.custom with the same transforms and typing as person fields', () => {
    const ctx = { syncTime, names, customTypes }
    const v = mapSaasUser(ann.person, names, { raw: ann.raw, mapping, ctx })
    expect(v.custom).toEqual({ costCentre: 'SALES', ext: 101, licenceList: 'Meet, lic-call' })
    expect(v.roles).toEqual(['Admin', 'role-audit'])
    // The person record does not receive SaaS user targets.
    expect(mapPersonValues(ann.person, ann.raw, mapping, ctx).custom).toEqual({})
    // Without a mapping (older callers), no custom values.
    expect(mapSaasUser(ann.person, names).custom).toEqual({})
  })

  it('diffs custom values as saas.custom.<key>', () => {
    expect(
      saasDiff(values({ costCentre: 'SALES', gone: 'x' }), values({ costCentre: 'FIN', ext: 7 }))
    ).toEqual([
      { field: 'saas.custom.costCentre', old: 'SALES', new: 'FIN' },
      { field: 'saas.custom.ext', old: null, new: '7' },
      { field: 'saas.custom.gone', old: 'x', new: null }
    ])
    expect(saasDiff(values({ a: 1 }), values({ a: 1 }))).toEqual([])
  })

  it('accepts saas.custom.<key> targets, and only custom SaaS user fields are mappable', () => {
    expect(MappingTarget.safeParse('saas.custom.costCentre').success).toBe(true)
    expect(MappingTarget.safeParse('saas.email').success).toBe(false)
    expect(MappingTarget.safeParse('saas.custom.').success).toBe(false)
    const targets = targetFields([field('costCentre', 'text', 'saas-user')])
    expect(targets.find((t) => t.key === 'saas.custom.costCentre')).toMatchObject({
      mappable: true,
      record: 'saas-user',
      builtIn: false
    })
    expect(targets.find((t) => t.key === 'saas.roles')?.mappable).toBe(false)
    const issues = validateMapping({
      mapping: [
        ...defaultMapping(),
        { source: '$.department', target: 'saas.custom.costCentre' },
        { source: 'status', target: 'saas.status' }
      ],
      targets,
      shapes: new Map(),
      roles: ['Employee']
    }).filter((i) => i.field.startsWith('saas.'))
    expect(issues).toEqual([
      {
        field: 'saas.status',
        message: 'Status is filled by the sync itself and cannot be mapped.',
        severity: 'error'
      }
    ])
  })
})
