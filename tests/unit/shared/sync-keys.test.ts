/** Sync keys on custom person fields: the schema, readiness and the mapping studio's validation. */
import { describe, expect, it } from 'vitest'
import { validateMapping } from '../../../electron/core/mapping/validate-mapping'
import { targetFields, type CustomField } from '../../../shared/domain/custom-field'
import {
  Integration,
  integrationReadiness,
  SyncKeys,
  syncKeyProblems
} from '../../../shared/domain/integration'
import { defaultMapping } from '../../../shared/domain/mapping'

const field = (
  key: string,
  label: string,
  unique: boolean,
  record: CustomField['record'] = 'person'
): CustomField => ({
  key,
  label,
  type: 'text',
  options: [],
  unique,
  record,
  createdAt: '',
  updatedAt: ''
})
const fields = [
  field('employeeNumber', 'Employee number', true),
  field('dept', 'Department', false),
  field('badge', 'Badge', true, 'saas-user')
]
const mapped = [
  ...defaultMapping('Employee'),
  { source: '$.employeeNumber', target: 'custom.employeeNumber' }
]

describe('SyncKeys schema', () => {
  it('accepts the built-ins and custom.<key>, so stored integrations still parse', () => {
    for (const k of ['email', 'username', 'webexId', 'custom.employeeNumber', 'custom.a-b_2', null])
      expect(SyncKeys.safeParse({ primary: k, secondary: null }).success).toBe(true)
    expect(Integration.shape.syncKeys.parse({ primary: 'email', secondary: 'webexId' })).toEqual({
      primary: 'email',
      secondary: 'webexId'
    })
  })

  it('rejects anything else', () => {
    for (const k of [
      'phone',
      'custom.',
      'custom.1abc',
      'custom.a b',
      'custom.a.b',
      'saas.custom.badge',
      'Custom.employeeNumber',
      `custom.${'x'.repeat(65)}`,
      ''
    ])
      expect(SyncKeys.safeParse({ primary: k, secondary: null }).success, k).toBe(false)
  })
})

describe('custom sync key readiness', () => {
  const subject = (primary: string, secondary: string | null = null, mapping = mapped) => ({
    credentialId: 'c1',
    mapping,
    syncKeys: SyncKeys.parse({ primary, secondary })
  })

  it('is ready with a unique, mapped custom person field', () => {
    expect(integrationReadiness(subject('custom.employeeNumber'), ['Employee'], fields)).toEqual({
      ready: true,
      missing: []
    })
  })

  it('lists a missing, non-unique or unmapped custom key in plain words', () => {
    expect(
      integrationReadiness(subject('custom.gone', 'custom.dept'), undefined, fields).missing
    ).toEqual([
      'The primary sync key names a custom field that does not exist (gone)',
      'Department is not a unique field, so it cannot be the secondary sync key',
      'Map a source to custom.gone (a sync key)',
      'Map a source to Department (a sync key)'
    ])
    // A SaaS user field is not a person field, whatever its uniqueness.
    expect(
      syncKeyProblems(SyncKeys.parse({ primary: 'custom.badge', secondary: null }), fields)
    ).toEqual(['The primary sync key names a custom field that does not exist (badge)'])
    expect(
      integrationReadiness(
        subject('custom.employeeNumber', null, defaultMapping('Employee')),
        undefined,
        fields
      ).missing
    ).toEqual(['Map a source to Employee number (a sync key)'])
  })

  it('leaves built-in keys alone', () => {
    expect(syncKeyProblems({ primary: 'email', secondary: 'webexId' }, [])).toEqual([])
  })
})

describe('custom sync key validation (mapping studio)', () => {
  const targets = targetFields(fields)
  const issues = (primary: string, mapping = mapped) =>
    validateMapping({
      mapping,
      targets,
      shapes: new Map(),
      roles: ['Employee'],
      syncKeys: SyncKeys.parse({ primary, secondary: null })
    }).filter((i) => i.field === 'syncKeys')

  it('accepts a unique mapped custom person field', () => {
    expect(issues('custom.employeeNumber')).toEqual([])
  })

  it('refuses missing, non-unique and unmapped keys', () => {
    expect(issues('custom.gone')).toEqual([
      {
        field: 'syncKeys',
        severity: 'error',
        message: 'The primary sync key names a field that does not exist (custom.gone).'
      }
    ])
    expect(issues('custom.dept').map((i) => i.message)).toEqual([
      'Department is not a unique field, so it cannot be the primary sync key.'
    ])
    expect(
      issues('custom.employeeNumber', defaultMapping('Employee')).map((i) => i.message)
    ).toEqual(['Nothing is mapped to Employee number, so the primary sync key has no value.'])
  })
})
