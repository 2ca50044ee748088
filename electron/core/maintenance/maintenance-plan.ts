/**
 * Pure decision of one maintenance pass (reliability.md B2.9): a backup when the newest one is a day
 * old (or none exists), a full integrity_check when the last one is a week old (or never ran), and
 * nothing at all while a run holds the database.
 */

const HOUR_MS = 60 * 60 * 1000
export const BACKUP_INTERVAL_MS = 24 * HOUR_MS
export const FULL_CHECK_INTERVAL_MS = 7 * 24 * HOUR_MS
/**
 * Slack under each interval: yesterday's 03:15 backup took a moment, so today's 03:15 pass sees it a
 * few seconds short of 24 h; without slack it would wait a second day.
 */
export const DUE_SLACK_MS = HOUR_MS

export type MaintenanceFacts = {
  now: Date
  newestBackupAt: Date | null
  lastFullCheckAt: Date | null
  /** A sync, preview or apply holds the run lock, or a transaction is open. */
  busy: boolean
}

export type MaintenancePlan =
  { kind: 'busy' } | { kind: 'run'; backup: boolean; integrityCheck: boolean }

/**
 * Due when the last time is missing, older than the interval (less the slack), or later than now by
 * more than the slack: a clock that was set back must not postpone maintenance until it catches up.
 */
export function isDue(last: Date | null, now: Date, intervalMs: number): boolean {
  if (last === null) return true
  const age = now.getTime() - last.getTime()
  return age >= intervalMs - DUE_SLACK_MS || age < -DUE_SLACK_MS
}

export function planMaintenance(
  f: MaintenanceFacts,
  opts: { force?: boolean } = {}
): MaintenancePlan {
  if (f.busy) return { kind: 'busy' }
  const force = opts.force === true
  return {
    kind: 'run',
    backup: force || isDue(f.newestBackupAt, f.now, BACKUP_INTERVAL_MS),
    integrityCheck: force || isDue(f.lastFullCheckAt, f.now, FULL_CHECK_INTERVAL_MS)
  }
}
