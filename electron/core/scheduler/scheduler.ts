/**
 * One node-cron task per launched integration with its schedule on (noOverlap), plus at most one
 * catch-up run per integration at start when a slot was missed while Roster was closed (F17: no storm).
 * The scheduler only decides when; the runner does the work and refuses a second concurrent run.
 */
import cron, { type ScheduledTask } from 'node-cron'
import { isAppError } from '../errors'
import type { Logger } from '../log/logger'
import type { IntegrationRecord } from '../store/repositories/integrations-repo'
import type { RunTrigger } from '../../../shared/domain/run'
import { cronExpression, missedSlot } from './schedule-times'

export type SchedulerDeps = {
  list: () => IntegrationRecord[]
  /** Start time of the integration's last run of any kind but preview, or null. */
  lastRunAt: (integrationId: string) => string | null
  start: (integrationId: string, trigger: RunTrigger) => Promise<unknown>
  markFired: (integrationId: string, at: string) => void
  now: () => Date
  logger: Logger
}

export function createScheduler(d: SchedulerDeps) {
  const tasks = new Map<string, { expr: string; task: ScheduledTask }>()
  let started = false

  const fire = async (id: string, trigger: RunTrigger) => {
    d.markFired(id, d.now().toISOString())
    try {
      await d.start(id, trigger)
    } catch (e) {
      if (isAppError(e) && e.code === 'CONFLICT') d.logger.info('schedule.skipped-running', { id })
      else d.logger.warn('schedule.start-failed', { id, error: e })
    }
  }

  const wanted = (i: IntegrationRecord) => i.status === 'launched' && i.schedule.enabled

  /** Brings tasks in line with the stored integrations (call after any integration change). */
  function refresh() {
    if (!started) return
    const list = d.list()
    const keep = new Set<string>()
    for (const i of list) {
      if (!wanted(i)) continue
      keep.add(i.id)
      const expr = cronExpression(i.schedule)
      const current = tasks.get(i.id)
      if (current?.expr === expr) continue
      void current?.task.destroy()
      const task = cron.createTask(expr, () => fire(i.id, 'schedule'), {
        name: `sync-${i.id}`,
        noOverlap: true
      })
      task.on('execution:overlap', () => d.logger.warn('schedule.overlap', { id: i.id }))
      void task.start()
      tasks.set(i.id, { expr, task })
    }
    for (const [id, t] of tasks)
      if (!keep.has(id)) {
        void t.task.destroy()
        tasks.delete(id)
      }
  }

  /** Starts the tasks and queues one catch-up per integration that missed its slot. */
  function start(opts: { catchUp?: boolean } = {}) {
    started = true
    refresh()
    if (opts.catchUp === false) return
    const now = d.now()
    for (const i of d.list()) {
      if (!wanted(i)) continue
      const stamps = [d.lastRunAt(i.id), i.lastScheduledAt, i.updatedAt]
        .filter((s): s is string => s !== null)
        .map((s) => Date.parse(s))
      const last = stamps.length > 0 ? new Date(Math.max(...stamps)) : null
      if (missedSlot(i.schedule, now, last)) {
        d.logger.info('schedule.catch-up', { id: i.id })
        void fire(i.id, 'catch-up')
      }
    }
  }

  return {
    start,
    refresh,
    nextRunAt(i: IntegrationRecord): string | null {
      if (!wanted(i)) return null
      const t = tasks.get(i.id)
      const next = t ? t.task.getNextRun() : null
      if (next) return next.toISOString()
      // Not started (CLI) or not yet refreshed: compute from the expression. node-cron answers
      // getNextRun() only for a running task, so the probe runs for the instant it is asked.
      try {
        const probe = cron.createTask(cronExpression(i.schedule), () => undefined)
        void probe.start()
        const n = probe.getNextRun()
        void probe.destroy()
        return n ? n.toISOString() : null
      } catch {
        return null
      }
    },
    stop() {
      started = false
      for (const t of tasks.values()) void t.task.destroy()
      tasks.clear()
    }
  }
}
export type Scheduler = ReturnType<typeof createScheduler>
