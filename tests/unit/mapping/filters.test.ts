import { describe, expect, it } from 'vitest'
import { evaluateFilters } from '../../../electron/core/mapping/filter-eval'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import { IngestFilterRule, IngestFilters } from '../../../shared/domain/ingest-filter-rule'
import { lastRead, RAW_ANN, RAW_BOT } from './fixtures'

const ann = lastRead(RAW_ANN)
const bot = lastRead(RAW_BOT)
const now = new Date('2026-11-28T00:00:00.000Z')
const rule = (
  r: Omit<IngestFilterRule, 'kind' | 'applies' | 'enabled'> & Partial<IngestFilterRule>
) => IngestFilterRule.parse({ kind: 'rule', ...r })
const outcome = (who: typeof ann, ...filters: AnyIngestFilter[]) =>
  evaluateFilters(who.person, who.raw, filters, now)

describe('ingest filter rules', () => {
  it('type is person, status is not pending', () => {
    const r = rule({
      name: 'People only',
      match: 'all',
      conditions: [
        { field: 'type', op: 'equals', value: 'person' },
        { field: 'status', op: 'not-equals', value: 'pending' }
      ]
    })
    expect(outcome(ann, r)).toEqual({ outcome: 'pass' })
    expect(outcome(bot, r)).toEqual({ outcome: 'skip', reason: 'Skipped by filter People only' })
  })

  it('email domain in a list; any of several conditions', () => {
    const r = rule({
      name: 'Our domains',
      match: 'any',
      conditions: [
        { field: 'emailDomain', op: 'in', values: ['EXAMPLE.com', 'example.org'] },
        { field: '$.department', op: 'equals', value: 'bots' }
      ]
    })
    expect(outcome(ann, r).outcome).toBe('pass')
    expect(outcome(bot, r).outcome).toBe('skip')
  })

  it('last activity within N days; empty / not empty; contains; paths into lists', () => {
    const within = (days: number) =>
      rule({
        name: 'Active',
        match: 'all',
        conditions: [{ field: '$.lastActivity', op: 'within-days', days }]
      })
    expect(outcome(ann, within(30)).outcome).toBe('pass')
    expect(outcome(ann, within(3)).outcome).toBe('skip')
    expect(outcome(bot, within(3650)).outcome).toBe('skip') // no activity at all
    const older = rule({
      name: 'Dormant',
      match: 'all',
      conditions: [{ field: '$.lastActivity', op: 'older-than-days', days: 3 }]
    })
    expect(outcome(ann, older).outcome).toBe('pass')
    const hasDept = rule({
      name: 'Has a department',
      match: 'all',
      conditions: [{ field: '$.department', op: 'not-empty' }]
    })
    expect(outcome(ann, hasDept).outcome).toBe('pass')
    expect(outcome(bot, hasDept).outcome).toBe('skip')
    const noDept = rule({
      name: 'No department',
      match: 'all',
      conditions: [{ field: '$.department', op: 'empty' }]
    })
    expect(outcome(bot, noDept).outcome).toBe('pass')
    const mobile = rule({
      name: 'Has 0199 mobile',
      match: 'all',
      conditions: [
        { field: "$.phoneNumbers[?type=='mobile'].value", op: 'contains', value: '0199' },
        { field: '$.siteUrls', op: 'ends-with', value: '#attendee' },
        { field: 'displayName', op: 'starts-with', value: 'ann' },
        { field: '$.title', op: 'not-contains', value: 'manager' }
      ]
    })
    expect(outcome(ann, mobile).outcome).toBe('pass')
  })

  it('"only update, never create" rules, disabled rules and the first skip winning', () => {
    const updateOnly = rule({
      name: 'Contractors',
      match: 'all',
      applies: 'update-only',
      conditions: [{ field: '$.department', op: 'equals', value: 'Contracting' }]
    })
    expect(outcome(ann, updateOnly)).toEqual({
      outcome: 'no-create',
      reason:
        'Skipped by filter Contractors (existing records are updated, new ones are not created)'
    })
    const always = rule({
      name: 'Humans',
      match: 'all',
      conditions: [{ field: 'type', op: 'equals', value: 'person' }]
    })
    expect(outcome(bot, updateOnly, always)).toEqual({
      outcome: 'skip',
      reason: 'Skipped by filter Humans'
    })
    expect(outcome(bot, { ...always, enabled: false })).toEqual({ outcome: 'pass' })
  })

  it('keeps the simple filters working, with their old reasons, next to rules', () => {
    const stored = IngestFilters.parse([
      { field: 'type', op: 'is', value: 'person' },
      {
        kind: 'rule',
        name: 'Sales',
        match: 'all',
        conditions: [{ field: '$.department', op: 'equals', value: 'sales' }]
      }
    ])
    expect(outcome(ann, ...stored)).toEqual({ outcome: 'pass' })
    expect(outcome(bot, ...stored)).toEqual({
      outcome: 'skip',
      reason: 'Filtered out: type is bot (filter: type is person)'
    })
    expect(outcome(bot, { field: 'invitePending', op: 'is', value: 'false' })).toEqual({
      outcome: 'pass'
    })
  })

  it('rejects incomplete conditions and bad paths at the schema', () => {
    const bad = (conditions: unknown[]) =>
      IngestFilterRule.safeParse({ kind: 'rule', name: 'x', match: 'all', conditions }).success
    expect(bad([{ field: 'type', op: 'equals' }])).toBe(false)
    expect(bad([{ field: 'emailDomain', op: 'in', values: [] }])).toBe(false)
    expect(bad([{ field: '$.lastActivity', op: 'within-days' }])).toBe(false)
    expect(bad([{ field: '$.a[', op: 'empty' }])).toBe(false)
    expect(bad([{ field: 'nonsense', op: 'empty' }])).toBe(false)
    expect(bad([{ field: '$.a', op: 'empty' }])).toBe(true)
  })
})
