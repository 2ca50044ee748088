/** Pure schedule arithmetic: the cron expression of a Schedule, and its previous slot (catch-up). */
import type { Schedule } from '../../../shared/domain/integration'

/** Interval schedules are aligned to the clock (every 15 min = :00, :15, :30, :45). */
function intervalMinutes(s: Schedule): number {
  return s.intervalUnit === 'hours' ? s.intervalValue * 60 : s.intervalValue
}

export function cronExpression(s: Schedule): string {
  if (s.mode === 'time-of-day') {
    const [h, m] = s.timeOfDay.split(':').map(Number)
    return `${m} ${h} * * *`
  }
  const mins = intervalMinutes(s)
  if (mins < 60) return `*/${mins} * * * *`
  const hours = Math.max(1, Math.min(23, Math.round(mins / 60)))
  return hours === 1 ? '0 * * * *' : `0 */${hours} * * *`
}

/** The latest slot at or before `now` (local time), or null when the schedule is off. */
export function previousSlot(s: Schedule, now: Date): Date | null {
  if (!s.enabled) return null
  if (s.mode === 'time-of-day') {
    const [h, m] = s.timeOfDay.split(':').map(Number)
    const slot = new Date(now)
    slot.setHours(h ?? 0, m ?? 0, 0, 0)
    if (slot > now) slot.setDate(slot.getDate() - 1)
    return slot
  }
  const mins = intervalMinutes(s)
  const slot = new Date(now)
  slot.setSeconds(0, 0)
  if (mins < 60) slot.setMinutes(Math.floor(slot.getMinutes() / mins) * mins)
  else {
    const hours = Math.max(1, Math.min(23, Math.round(mins / 60)))
    slot.setMinutes(0)
    slot.setHours(Math.floor(slot.getHours() / hours) * hours)
  }
  return slot
}

/**
 * True when a slot passed while nothing ran: the last run (or launch/edit, or last scheduled fire)
 * is older than the previous slot. At most one catch-up follows, however many slots were missed.
 */
export function missedSlot(s: Schedule, now: Date, lastActivity: Date | null): boolean {
  const slot = previousSlot(s, now)
  if (!slot) return false
  return lastActivity === null || lastActivity < slot
}
