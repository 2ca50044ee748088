import { describe, expect, it } from 'vitest'
import { applyTransforms, formatDate } from '../../../electron/core/mapping/transforms'
import { toTargetValue } from '../../../electron/core/mapping/coerce'
import type { MappingTransform } from '../../../shared/domain/mapping'
import { MappingEntry, TRANSFORM_KINDS } from '../../../shared/domain/mapping'

const names = {
  roles: new Map([
    ['role-admin', 'Full administrator'],
    ['role-audit', 'Compliance officer']
  ]),
  licenses: new Map([['lic-meet', 'Meetings']])
}
const run = (v: unknown, ...chain: MappingTransform[]) => applyTransforms(v, chain, names)

describe('transforms', () => {
  it('trim, lower and upper case work on text and on every item of a list', () => {
    expect(run('  Ann  ', { kind: 'trim' })).toBe('Ann')
    expect(run('Ann.Lee@Example.COM', { kind: 'lowercase' })).toBe('ann.lee@example.com')
    expect(run('sales', { kind: 'uppercase' })).toBe('SALES')
    expect(run([' a ', 'B'], { kind: 'trim' }, { kind: 'uppercase' })).toEqual(['A', 'B'])
    expect(run(null, { kind: 'lowercase' })).toBeNull()
    expect(run(true, { kind: 'lowercase' })).toBe(true)
  })

  it('join, first', () => {
    expect(run(['a', 'b', '', null], { kind: 'join', separator: ' | ' })).toBe('a | b')
    expect(run('already text', { kind: 'join', separator: ',' })).toBe('already text')
    expect(run(['x', 'y'], { kind: 'first' })).toBe('x')
    expect(run([], { kind: 'first' })).toBeNull()
    expect(run('solo', { kind: 'first' })).toBe('solo')
  })

  it('date parse and format (ISO in, UTC out)', () => {
    const iso = '2015-10-18T14:26:16.000Z'
    expect(run(iso, { kind: 'date', format: 'YYYY-MM-DD' })).toBe('2015-10-18')
    expect(run(iso, { kind: 'date', format: 'DD/MM/YYYY' })).toBe('18/10/2015')
    expect(run(iso, { kind: 'date', format: 'MM/DD/YYYY HH:mm' })).toBe('10/18/2015 14:26')
    expect(run('2015-10-18T16:26:16+02:00', { kind: 'date', format: 'ISO' })).toBe(iso)
    expect(run('not a date', { kind: 'date', format: 'YYYY-MM-DD' })).toBeNull()
    expect(formatDate('2024-02-29', 'DD.MM.YYYY')).toBe('29.02.2024')
  })

  it('role and licence names from IDs, tolerating comma-joined IDs and unknown ones', () => {
    expect(run(['role-admin,role-audit'], { kind: 'role-names' })).toEqual([
      'Full administrator',
      'Compliance officer'
    ])
    expect(run(['lic-meet', 'lic-unknown'], { kind: 'license-names' })).toEqual([
      'Meetings',
      'lic-unknown'
    ])
    expect(run(['role-admin'], { kind: 'role-names' }, { kind: 'join', separator: ', ' })).toBe(
      'Full administrator'
    )
    expect(run(null, { kind: 'role-names' })).toBeNull()
  })

  it('default when empty; constant; email part', () => {
    expect(run(null, { kind: 'default', value: 'n/a' })).toBe('n/a')
    expect(run('', { kind: 'default', value: 'n/a' })).toBe('n/a')
    expect(run([], { kind: 'default', value: 'n/a' })).toBe('n/a')
    expect(run('x', { kind: 'default', value: 'n/a' })).toBe('x')
    expect(run('anything', { kind: 'constant', value: 'Employee' })).toBe('Employee')
    expect(run('ann@example.com', { kind: 'email-part', part: 'domain' })).toBe('example.com')
    expect(run('ann@example.com', { kind: 'email-part', part: 'local' })).toBe('ann')
  })

  it('chains in order: the stored transform, then the list', () => {
    expect(
      run(
        ['  Sales ', 'EMEA'],
        { kind: 'trim' },
        { kind: 'lowercase' },
        { kind: 'join', separator: '/' }
      )
    ).toBe('sales/emea')
    const entry = MappingEntry.parse({
      source: '$.department',
      target: 'custom.dept',
      transform: { kind: 'trim' },
      transforms: [{ kind: 'uppercase' }, { kind: 'default', value: 'NONE' }]
    })
    expect(entry.transforms).toHaveLength(2)
  })

  it('covers every transform kind the schema defines', () => {
    expect([...TRANSFORM_KINDS].sort()).toEqual(
      [
        'constant',
        'date',
        'default',
        'email-part',
        'first',
        'join',
        'license-names',
        'lowercase',
        'role-names',
        'trim',
        'uppercase'
      ].sort()
    )
  })
})

describe('values into typed target fields', () => {
  it('numbers, booleans, dates, lists and objects', () => {
    expect(toTargetValue('42', 'number')).toBe(42)
    expect(toTargetValue('4,5', 'number')).toBe(4.5)
    expect(toTargetValue('abc', 'number')).toBeNull()
    expect(toTargetValue(['7'], 'number')).toBe(7)
    expect(toTargetValue('true', 'boolean')).toBe(true)
    expect(toTargetValue('false', 'boolean')).toBe(false)
    expect(toTargetValue('2015-10-18T14:26:16.000Z', 'date')).toBe('2015-10-18')
    expect(toTargetValue('2015-10-18T14:26:16.000Z', 'date-time')).toBe('2015-10-18T14:26:16.000Z')
    expect(toTargetValue(['a', 'b'], 'text')).toBe('a, b')
    expect(toTargetValue([{ x: 1 }], 'long-text')).toBe('{"x":1}')
    expect(toTargetValue([], 'text')).toBeNull()
  })
})
