/** Schedules: cron expressions, the previous slot, one catch-up at most, next run time exposed. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHEDULE, type Schedule } from '../../../shared/domain/integration'
import { createScheduler } from '../../../electron/core/scheduler/scheduler'
import {
  cronExpression,
  missedSlot,
  previousSlot
} from '../../../electron/core/scheduler/schedule-times'
import type { IntegrationRecord } from '../../../electron/core/store/repositories/integrations-repo'
import { silentLogger } from '../../../electron/core/log/logger'
import { defaultMapping } from '../../../shared/domain/mapping'

const every = (intervalValue: number, intervalUnit: 'minutes' | 'hours'): Schedule => ({
  ...DEFAULT_SCHEDULE,
  mode: 'interval',
  intervalValue,
  intervalUnit
})

describe('schedule times', () => {
  it('turns schedules into cron expressions', () => {
    expect(cronExpression(DEFAULT_SCHEDULE)).toBe('30 2 * * *')
    expect(cronExpression(every(15, 'minutes'))).toBe('*/15 * * * *')
    expect(cronExpression(every(6, 'hours'))).toBe('0 */6 * * *')
    expect(cronExpression(every(1, 'hours'))).toBe('0 * * * *')
  })

  it('finds the previous slot and whether it was missed', () => {
    const now = new Date(2026, 0, 10, 9, 0)
    expect(previousSlot(DEFAULT_SCHEDULE, now)).toEqual(new Date(2026, 0, 10, 2, 30))
    expect(previousSlot(DEFAULT_SCHEDULE, new Date(2026, 0, 10, 1, 0))).toEqual(
      new Date(2026, 0, 9, 2, 30)
    )
    expect(previousSlot(every(15, 'minutes'), new Date(2026, 0, 10, 9, 44))).toEqual(
      new Date(2026, 0, 10, 9, 30)
    )
    expect(missedSlot(DEFAULT_SCHEDULE, now, new Date(2026, 0, 9, 23, 0))).toBe(true)
    expect(missedSlot(DEFAULT_SCHEDULE, now, new Date(2026, 0, 10, 3, 0))).toBe(false)
    expect(missedSlot({ ...DEFAULT_SCHEDULE, enabled: false }, now, null)).toBe(false)
  })
})

const integration = (
  id: string,
  lastRun: string | null,
  schedule = DEFAULT_SCHEDULE
): IntegrationRecord & { lastRun: string | null } => ({
  id,
  name: id,
  credentialId: 'c',
  scope: 'user-and-saas',
  preference: 'create-update',
  schedule,
  syncKeys: { primary: 'email', secondary: null },
  filters: [],
  mapping: defaultMapping(),
  notInWebexThreshold: null,
  status: 'launched',
  lastScheduledAt: null,
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
  lastRun
})

describe('scheduler', () => {
  it('starts one catch-up per integration that missed a slot (no storm) and exposes the next run', async () => {
    const now = new Date()
    const list = [
      integration('missed', '2020-01-02T00:00:00.000Z'),
      integration('fresh', now.toISOString()),
      { ...integration('draft', null), status: 'draft' as const }
    ]
    const started: string[] = []
    const s = createScheduler({
      list: () => list,
      lastRunAt: (id) => list.find((i) => i.id === id)?.lastRun ?? null,
      start: (id, trigger) => {
        started.push(`${id}:${trigger}`)
        return Promise.resolve()
      },
      markFired: () => undefined,
      now: () => now,
      logger: silentLogger
    })
    s.start()
    await Promise.resolve()
    expect(started).toEqual(['missed:catch-up'])
    const next = s.nextRunAt(list[0]!)
    expect(next).not.toBeNull()
    expect(Date.parse(next!)).toBeGreaterThan(now.getTime())
    expect(new Date(next!).getMinutes()).toBe(30)
    expect(s.nextRunAt(list[2]!)).toBeNull()
    s.stop()
  })
})

describe('next run time before the scheduler runs (CLI, or right after Launch)', () => {
  it('is computed from the schedule even with no task started', () => {
    const s = createScheduler({
      list: () => [],
      lastRunAt: () => null,
      start: () => Promise.resolve(),
      markFired: () => undefined,
      now: () => new Date(),
      logger: silentLogger
    })
    const next = s.nextRunAt(integration('daily', null))
    expect(next).not.toBeNull()
    expect(new Date(next!).getMinutes()).toBe(30)
  })
})
