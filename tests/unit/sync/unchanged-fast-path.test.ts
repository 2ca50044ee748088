import { describe, expect, it } from 'vitest'
import { defaultMapping } from '../../../shared/domain/mapping'
import { planFingerprint } from '../../../electron/core/sync/unchanged-fast-path'
import type { DecideConfig } from '../../../electron/core/sync/match'
import { newRecordId } from '../../../electron/core/sync/record-id'
import { searchTextOf } from '../../../electron/core/store/repositories/people-repo'

const cfg = (over: Partial<DecideConfig> = {}): DecideConfig => ({
  mapping: defaultMapping('Employee'),
  filters: [],
  syncKeys: { primary: 'email', secondary: null },
  preference: 'create-update',
  scope: 'user-and-saas',
  names: { roles: new Map([['r1', 'Admin']]), licenses: new Map() },
  syncTime: '2026-01-01T00:00:00.000Z',
  ...over
})

describe('planFingerprint', () => {
  it('does not depend on the sync time, but on the configuration and the role names', () => {
    const a = planFingerprint(cfg())
    expect(a).not.toBeNull()
    expect(planFingerprint(cfg({ syncTime: '2026-02-01T00:00:00.000Z' }))).toBe(a)
    expect(planFingerprint(cfg({ preference: 'update-only' }))).not.toBe(a)
    expect(
      planFingerprint(cfg({ names: { roles: new Map([['r1', 'Owner']]), licenses: new Map() } }))
    ).not.toBe(a)
  })

  it('is disabled by a mapping that reads the sync time and by relative date filters', () => {
    const mapping = [...defaultMapping('Employee'), { source: 'syncTime', target: 'custom.seen' }]
    expect(planFingerprint(cfg({ mapping }))).toBeNull()
    const rule = {
      kind: 'rule' as const,
      id: 'f1',
      name: 'Active',
      enabled: true,
      applies: 'always' as const,
      match: 'all' as const,
      conditions: [{ field: 'lastActivity', op: 'within-days' as const, days: 30 }]
    }
    expect(planFingerprint(cfg({ filters: [rule] as DecideConfig['filters'] }))).toBeNull()
  })
})

describe('newRecordId', () => {
  it('is a version 7 UUID that grows, within a millisecond too', () => {
    const ids = Array.from({ length: 5000 }, () => newRecordId(1_700_000_000_000))
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('searchTextOf', () => {
  it('lower-cases non-ASCII letters and skips empty fields', () => {
    expect(searchTextOf(['ÖLAF@X.COM', null, 'Ærø'])).toBe('ölaf@x.com\u001færø')
  })
})
