/**
 * One maintenance pass: plan from the facts, then run the full integrity_check before the backup (a
 * backup of a damaged file must not push a good one out of the kept set). Both run off the core's
 * thread where the store provides it (store/readonly-worker.ts), and each logs its duration. A failed check hands the report
 * to `onDamaged` (the core's degraded mode); a failed backup becomes a warning and never throws.
 */
import type { FullCheckRecord, MaintenanceResult } from '../../../shared/contract/maintenance'
import type { Logger } from '../log/logger'
import { planMaintenance } from './maintenance-plan'

export type MaintenanceRunnerDeps = {
  now: () => Date
  /** True while a sync, preview or apply holds the run lock, or a transaction is open. */
  isBusy: () => boolean
  newestBackupAt: () => Date | null
  /** Writes one backup (VACUUM INTO, outside any transaction) and prunes old ones; returns its path. */
  backup: () => string | Promise<string>
  /** Runs integrity_check; returns 'ok' or the report. */
  fullCheck: () => string | Promise<string>
  lastFullCheck: () => FullCheckRecord | null
  recordFullCheck: (record: FullCheckRecord) => void
  /** The database failed its check: block writes and offer a restore (core.ts). */
  onDamaged: (report: string) => Promise<void>
  /** Something the status shows changed (a backup, a check, a warning). */
  onChanged: () => void
  /** True when a backup failure means the file itself is damaged (SQLITE_CORRUPT / NOTADB). */
  isCorruption: (error: unknown) => boolean
  logger: Logger
}

const timedAsync = async <T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = performance.now()
  const value = await fn()
  return { value, ms: Math.round(performance.now() - started) }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export function createMaintenanceRunner(d: MaintenanceRunnerDeps) {
  // Kept apart so a good backup does not hide a check that could not run, and the reverse.
  let backupWarning: string | null = null
  let checkWarning: string | null = null
  let running = false
  const log = d.logger

  /** Runs integrity_check; on damage records it (if the file still takes a write) and degrades. */
  async function check(): Promise<'ok' | 'failed' | 'skipped'> {
    let report: string
    let ms: number
    try {
      ;({ value: report, ms } = await timedAsync(d.fullCheck))
    } catch (e) {
      // Could not even open the file read-only (not damage, which comes back as a report): retry later.
      log.warn('maintenance.check-not-run', { error: e })
      checkWarning = `The scheduled integrity check could not run: ${messageOf(e)}`
      return 'skipped'
    }
    checkWarning = null
    const ok = report === 'ok'
    const at = d.now().toISOString()
    try {
      d.recordFullCheck({ at, ok })
    } catch (e) {
      // A damaged file may refuse the write as well; the failure is handled below either way.
      log.warn('maintenance.check-record-failed', { error: e })
    }
    if (ok) {
      log.info('maintenance.integrity-check', { result: 'ok', ms })
      return 'ok'
    }
    log.error('maintenance.integrity-check', { result: 'failed', ms, report })
    await d.onDamaged(report)
    return 'failed'
  }

  /** Makes a backup; a failure is a warning unless it shows the file is damaged. */
  async function backup(): Promise<'made' | 'failed' | 'damaged'> {
    try {
      const { value: path, ms } = await timedAsync(d.backup)
      log.info('maintenance.backup', { path, ms })
      backupWarning = null
      return 'made'
    } catch (e) {
      log.warn('maintenance.backup-failed', { error: e })
      backupWarning = `The scheduled backup failed: ${messageOf(e)}`
      const cause = e instanceof Error ? e.cause : undefined
      return d.isCorruption(e) || d.isCorruption(cause) ? 'damaged' : 'failed'
    }
  }

  async function pass(force: boolean): Promise<MaintenanceResult> {
    const plan = planMaintenance(
      {
        now: d.now(),
        newestBackupAt: d.newestBackupAt(),
        lastFullCheckAt: ((r) => (r ? new Date(r.at) : null))(d.lastFullCheck()),
        busy: d.isBusy()
      },
      { force }
    )
    if (plan.kind === 'busy') {
      log.info('maintenance.busy')
      return { outcome: 'busy', backup: 'skipped', integrityCheck: 'skipped' }
    }
    let integrityCheck: MaintenanceResult['integrityCheck'] = 'not-due'
    if (plan.integrityCheck) {
      integrityCheck = await check()
      if (integrityCheck === 'failed')
        return { outcome: 'done', backup: plan.backup ? 'skipped' : 'not-due', integrityCheck }
    }
    if (!plan.backup) return { outcome: 'done', backup: 'not-due', integrityCheck }
    const made = await backup()
    // VACUUM INTO read a damaged page: check the whole file now rather than wait for the weekly check.
    if (made === 'damaged' && integrityCheck === 'not-due') integrityCheck = await check()
    return { outcome: 'done', backup: made === 'made' ? 'made' : 'failed', integrityCheck }
  }

  return {
    /** One pass: what is due (or everything, with `force`), unless a run or another pass is active. */
    async runDue(opts: { force?: boolean } = {}): Promise<MaintenanceResult> {
      if (running) return { outcome: 'busy', backup: 'skipped', integrityCheck: 'skipped' }
      running = true
      try {
        const result = await pass(opts.force === true)
        if (
          result.outcome === 'done' &&
          (result.backup !== 'not-due' || result.integrityCheck !== 'not-due')
        )
          d.onChanged()
        return result
      } finally {
        running = false
      }
    },
    /** Why the last backup failed or the last check could not run, until they succeed. */
    warning: () => [backupWarning, checkWarning].filter((w) => w !== null).join(' ') || null,
    lastFullCheck: () => {
      try {
        return d.lastFullCheck()
      } catch {
        // A status read must answer even when app_meta cannot be read.
        return null
      }
    }
  }
}
export type MaintenanceRunner = ReturnType<typeof createMaintenanceRunner>
