import { describe, expect, it } from 'vitest'
import {
  BACKUP_INTERVAL_MS,
  DUE_SLACK_MS,
  FULL_CHECK_INTERVAL_MS,
  isDue,
  planMaintenance
} from '../../../electron/core/maintenance/maintenance-plan'

const now = new Date('2030-03-10T03:15:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms)
const HOUR = 3_600_000

describe('planMaintenance', () => {
  it('backs up and checks when neither ever happened', () => {
    expect(
      planMaintenance({ now, newestBackupAt: null, lastFullCheckAt: null, busy: false })
    ).toEqual({ kind: 'run', backup: true, integrityCheck: true })
  })

  it('backs up daily and checks weekly', () => {
    const plan = (backupAge: number, checkAge: number) =>
      planMaintenance({
        now,
        newestBackupAt: ago(backupAge),
        lastFullCheckAt: ago(checkAge),
        busy: false
      })
    expect(plan(5 * HOUR, 2 * 24 * HOUR)).toEqual({
      kind: 'run',
      backup: false,
      integrityCheck: false
    })
    expect(plan(25 * HOUR, 6 * 24 * HOUR)).toEqual({
      kind: 'run',
      backup: true,
      integrityCheck: false
    })
    expect(plan(1 * HOUR, 8 * 24 * HOUR)).toEqual({
      kind: 'run',
      backup: false,
      integrityCheck: true
    })
  })

  it("yesterday's quiet-hour backup, a few seconds short of 24 h, counts as a day old", () => {
    expect(isDue(ago(BACKUP_INTERVAL_MS - 5_000), now, BACKUP_INTERVAL_MS)).toBe(true)
    expect(isDue(ago(BACKUP_INTERVAL_MS - DUE_SLACK_MS - 1), now, BACKUP_INTERVAL_MS)).toBe(false)
    expect(isDue(ago(FULL_CHECK_INTERVAL_MS - 60_000), now, FULL_CHECK_INTERVAL_MS)).toBe(true)
  })

  it('a last time far in the future (the clock was set back) does not postpone maintenance', () => {
    expect(isDue(ago(-3 * 24 * HOUR), now, BACKUP_INTERVAL_MS)).toBe(true)
    // Small skew is not a clock change.
    expect(isDue(ago(-60_000), now, BACKUP_INTERVAL_MS)).toBe(false)
  })

  it('does nothing while a run holds the database, even when forced', () => {
    expect(
      planMaintenance({ now, newestBackupAt: null, lastFullCheckAt: null, busy: true })
    ).toEqual({ kind: 'busy' })
    expect(
      planMaintenance(
        { now, newestBackupAt: null, lastFullCheckAt: null, busy: true },
        { force: true }
      )
    ).toEqual({ kind: 'busy' })
  })

  it('force runs both even when neither is due', () => {
    expect(
      planMaintenance(
        { now, newestBackupAt: ago(HOUR), lastFullCheckAt: ago(HOUR), busy: false },
        { force: true }
      )
    ).toEqual({ kind: 'run', backup: true, integrityCheck: true })
  })
})
