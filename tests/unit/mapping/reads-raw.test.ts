import { describe, expect, it } from 'vitest'
import { filtersReadRaw } from '../../../electron/core/mapping/filter-eval'
import { readsRawPerson } from '../../../electron/core/mapping/source-value'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'

const rule = (field: string, enabled = true): AnyIngestFilter => ({
  kind: 'rule',
  name: 'Rule',
  enabled,
  match: 'all',
  applies: 'always',
  conditions: [{ field, op: 'equals', value: 'x' }]
})

describe('which sources the sync evaluates over the raw person', () => {
  it('standard fields and constants are read from the parsed person; paths and templates raw', () => {
    for (const s of ['email', 'displayName', 'id', 'status', 'syncTime', 'constant'])
      expect(readsRawPerson(s), s).toBe(false)
    for (const s of ['$.department', '$.phoneNumbers[0].value', '{{firstName}} {{lastName}}'])
      expect(readsRawPerson(s), s).toBe(true)
  })

  it('filter rules read raw only for enabled conditions on raw fields', () => {
    expect(filtersReadRaw([rule('$.department')])).toBe(true)
    expect(filtersReadRaw([rule('$.department', false)])).toBe(false)
    expect(filtersReadRaw([rule('status'), rule('emailDomain'), rule('loginEnabled')])).toBe(false)
    expect(filtersReadRaw([{ field: 'status', op: 'is', value: 'active' }])).toBe(false)
  })
})
