/** The sync-key pickers' choices: built-ins, then unique custom person fields by label. */
import { describe, expect, it } from 'vitest'
import {
  asSyncKey,
  syncKeyOptions
} from '../../../renderer/src/features/integrations/sync-key-options'
import {
  formReadiness,
  initialIntegrationValues
} from '../../../renderer/src/features/integrations/form-model'

const f = (
  key: string,
  label: string,
  unique: boolean,
  record: 'person' | 'saas-user' = 'person'
) => ({
  key,
  label,
  unique,
  record
})

describe('sync key options', () => {
  it('lists built-ins, then unique custom person fields by label; never non-unique or SaaS fields', () => {
    const options = syncKeyOptions([
      f('zip', 'Zone', true),
      f('employeeNumber', 'Employee number', true),
      f('dept', 'Department', false),
      f('badge', 'Badge', true, 'saas-user')
    ])
    expect(options).toEqual([
      { value: 'email', label: 'Email' },
      { value: 'username', label: 'Username' },
      { value: 'webexId', label: 'Webex ID' },
      { value: 'custom.employeeNumber', label: 'Employee number' },
      { value: 'custom.zip', label: 'Zone' }
    ])
  })

  it('keeps a saved key that is no longer usable visible, marked', () => {
    const options = syncKeyOptions(
      [f('dept', 'Department', false)],
      ['custom.dept', 'custom.gone', null]
    )
    expect(options.slice(3)).toEqual([
      { value: 'custom.dept', label: 'Department (not a unique field)' },
      { value: 'custom.gone', label: 'gone (field no longer exists)' }
    ])
  })

  it('turns picker values into sync keys', () => {
    expect(asSyncKey('')).toBeNull()
    expect(asSyncKey('email')).toBe('email')
    expect(asSyncKey('custom.employeeNumber')).toBe('custom.employeeNumber')
    expect(asSyncKey('custom.')).toBeNull()
  })

  it('form readiness names a custom key that is not unique', () => {
    const v = {
      ...initialIntegrationValues(undefined, { credentialId: 'c1', role: 'Employee' }),
      syncKeys: { primary: 'custom.dept' as const, secondary: null }
    }
    v.mapping = [...v.mapping, { source: 'department', target: 'custom.dept' }]
    expect(formReadiness(v, ['Employee'], [f('dept', 'Department', false)]).missing).toEqual([
      'Department is not a unique field, so it cannot be the primary sync key'
    ])
    expect(formReadiness(v, ['Employee'], [f('dept', 'Department', true)]).ready).toBe(true)
  })
})
