import { describe, expect, it } from 'vitest'
import {
  formReadiness,
  initialIntegrationValues,
  toCreateIntegrationInput,
  validateIntegration,
  withRole
} from '../../../renderer/src/features/integrations/form-model'
import { scheduleSummary } from '../../../renderer/src/features/integrations/labels'
import {
  progressFraction,
  throttledSeconds
} from '../../../renderer/src/features/runs/progress-model'
import { formatCell } from '../../../renderer/src/features/records/format-cell'
import { CreateIntegrationInput, DEFAULT_SCHEDULE } from '../../../shared/domain/integration'
import type { RunProgress } from '../../../shared/domain/run'

const fresh = () => initialIntegrationValues(undefined, { credentialId: 'c1', role: 'Employee' })

describe('integration form model', () => {
  it('starts from the defaults and produces a valid, launch-ready create input', () => {
    const v = fresh()
    expect(v.timeOfDay).toBe('02:30')
    expect(validateIntegration(v)).toEqual({})
    const input = CreateIntegrationInput.parse(toCreateIntegrationInput(v))
    expect(input.schedule).toEqual(DEFAULT_SCHEDULE)
    expect(formReadiness(v, ['Employee']).ready).toBe(true)
  })

  it('says in plain words what a draft misses', () => {
    const v = { ...fresh(), credentialId: '', role: '' }
    expect(formReadiness(v, ['Employee']).missing).toEqual(['Choose a credential', 'Choose a Role'])
    const unknownRole = { ...fresh(), role: 'Ghost' }
    expect(formReadiness(unknownRole, ['Employee']).missing).toEqual([
      'Role "Ghost" is not in the roles list'
    ])
  })

  it('rejects a bad time, interval and empty filter value', () => {
    expect(validateIntegration({ ...fresh(), timeOfDay: '25:00' }).timeOfDay).toBeDefined()
    const interval = { ...fresh(), scheduleMode: 'interval' as const, intervalValue: '0' }
    expect(validateIntegration(interval).intervalValue).toBeDefined()
    const filters = [{ field: 'status' as const, op: 'is' as const, value: ' ' }]
    expect(validateIntegration({ ...fresh(), filters }).filters).toBeDefined()
  })

  it('sets the Role constant without touching the rest of the mapping', () => {
    const m = withRole(fresh().mapping, 'Contractor')
    expect(m).toHaveLength(fresh().mapping.length)
    expect(m.find((e) => e.target === 'role')?.transform).toEqual({
      kind: 'constant',
      value: 'Contractor'
    })
  })

  it('summarises schedules', () => {
    expect(scheduleSummary(DEFAULT_SCHEDULE)).toBe('Daily at 02:30')
    expect(
      scheduleSummary({
        ...DEFAULT_SCHEDULE,
        mode: 'interval',
        intervalValue: 15,
        intervalUnit: 'minutes'
      })
    ).toBe('Every 15 minutes')
    expect(scheduleSummary({ ...DEFAULT_SCHEDULE, enabled: false })).toBe('Manual only')
  })
})

describe('run progress model', () => {
  const p = (over: Partial<RunProgress>): RunProgress => ({
    runId: 'r',
    integrationId: 'i',
    kind: 'sync',
    pagesRead: 1,
    recordsWritten: 100,
    counts: { created: 100, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
    ratePerSec: 100,
    estimatedRemainingMs: 3000,
    status: 'running',
    throttledUntil: null,
    ...over
  })

  it('is indeterminate without an estimate, and a fraction with one', () => {
    expect(progressFraction(null)).toBeNull()
    expect(progressFraction(p({ estimatedRemainingMs: null }))).toBeNull()
    // 100 done, 100/s for 3 s more → 400 expected.
    expect(progressFraction(p({}))).toBeCloseTo(0.25)
  })

  it('counts down a throttle', () => {
    expect(throttledSeconds(p({ throttledUntil: 10_500 }), 10_000)).toBe(1)
    expect(throttledSeconds(p({ throttledUntil: 9_000 }), 10_000)).toBeNull()
  })
})

describe('list cells', () => {
  it('formats by type', () => {
    expect(formatCell(null, 'text')).toBe('—')
    expect(formatCell(['A', 'B'], 'list')).toBe('A, B')
    expect(formatCell(true, 'boolean')).toBe('Yes')
    expect(formatCell(1234, 'number')).toMatch(/1.?234/)
  })
})
