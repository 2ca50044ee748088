/**
 * When maintenance runs: a node-cron task at a quiet hour, plus one catch-up pass shortly after the
 * core starts (deferred, so it never delays startup). A pass that finds a run in progress is retried
 * later; only one retry waits at a time.
 */
import cron, { type ScheduledTask } from 'node-cron'
import type { MaintenanceResult } from '../../../shared/contract/maintenance'
import type { Logger } from '../log/logger'

/** 03:15 local time: after midnight jobs, before anyone starts work. */
export const DEFAULT_MAINTENANCE_CRON = '15 3 * * *'
export const DEFAULT_CATCH_UP_DELAY_MS = 60_000
export const DEFAULT_RETRY_DELAY_MS = 10 * 60_000

export type MaintenanceScheduleDeps = {
  runDue: () => Promise<MaintenanceResult>
  logger: Logger
  cron?: string
  catchUpDelayMs?: number
  retryDelayMs?: number
}

export function createMaintenanceSchedule(d: MaintenanceScheduleDeps) {
  let task: ScheduledTask | null = null
  const timers = new Set<NodeJS.Timeout>()
  let retryPending = false

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t)
      fn()
    }, ms)
    // Maintenance never keeps a process alive (the CLI, tests): it simply does not run then.
    t.unref()
    timers.add(t)
  }

  async function tick(): Promise<void> {
    try {
      const result = await d.runDue()
      if (result.outcome === 'busy' && !retryPending && task !== null) {
        retryPending = true
        later(d.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, () => {
          retryPending = false
          void tick()
        })
      }
    } catch (e) {
      d.logger.error('maintenance.pass-failed', { error: e })
    }
  }

  return {
    start() {
      if (task) return
      task = cron.createTask(d.cron ?? DEFAULT_MAINTENANCE_CRON, () => tick(), {
        name: 'db-maintenance',
        noOverlap: true
      })
      void task.start()
      later(d.catchUpDelayMs ?? DEFAULT_CATCH_UP_DELAY_MS, () => void tick())
    },
    stop() {
      if (task) void task.destroy()
      task = null
      for (const t of timers) clearTimeout(t)
      timers.clear()
      retryPending = false
    }
  }
}
export type MaintenanceSchedule = ReturnType<typeof createMaintenanceSchedule>
