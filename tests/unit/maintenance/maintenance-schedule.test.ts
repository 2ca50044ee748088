import { afterEach, expect, it, vi } from 'vitest'
import type { MaintenanceResult } from '../../../shared/contract/maintenance'
import { silentLogger } from '../../../electron/core/log/logger'
import {
  createMaintenanceSchedule,
  type MaintenanceSchedule
} from '../../../electron/core/maintenance/maintenance-schedule'

const busy: MaintenanceResult = { outcome: 'busy', backup: 'skipped', integrityCheck: 'skipped' }
const done: MaintenanceResult = { outcome: 'done', backup: 'made', integrityCheck: 'not-due' }

let schedule: MaintenanceSchedule | undefined
afterEach(() => schedule?.stop())

/** A schedule whose passes answer from `answers` in turn; `next()` resolves at the following pass. */
function setup(answers: MaintenanceResult[], delays = { catchUpDelayMs: 5, retryDelayMs: 5 }) {
  const passes: number[] = []
  let waiter: (() => void) | null = null
  schedule = createMaintenanceSchedule({
    runDue: () => {
      passes.push(Date.now())
      waiter?.()
      return Promise.resolve(answers.shift() ?? done)
    },
    logger: silentLogger,
    ...delays
  })
  const next = () => new Promise<void>((r) => (waiter = r))
  return { schedule, passes, next }
}

it('runs one catch-up pass after start, not during it', async () => {
  const { schedule, passes, next } = setup([done])
  const started = Date.now()
  const fired = next()
  schedule.start()
  expect(passes).toHaveLength(0)
  await fired
  expect(passes).toHaveLength(1)
  expect(passes[0]! - started).toBeGreaterThanOrEqual(4)
})

it('a pass that finds a run in progress is retried later', async () => {
  const { schedule, passes, next } = setup([busy, busy, done])
  let fired = next()
  schedule.start()
  await fired
  fired = next()
  await fired
  fired = next()
  await fired
  expect(passes).toHaveLength(3)
})

it('stop cancels the pending catch-up', () => {
  // Fake timers: "nothing happened" has no event to await, so time is advanced instead of slept.
  vi.useFakeTimers()
  try {
    const { schedule, passes } = setup([done], { catchUpDelayMs: 5, retryDelayMs: 5 })
    schedule.start()
    schedule.stop()
    vi.advanceTimersByTime(60_000)
    expect(passes).toHaveLength(0)
  } finally {
    vi.useRealTimers()
  }
})

it('without stop, the same advance of time runs the catch-up (the test above can fail)', () => {
  vi.useFakeTimers()
  try {
    const { schedule, passes } = setup([done], { catchUpDelayMs: 5, retryDelayMs: 5 })
    schedule.start()
    vi.advanceTimersByTime(60_000)
    expect(passes).toHaveLength(1)
    schedule.stop()
  } finally {
    vi.useRealTimers()
  }
})
