import { describe, expect, it } from 'vitest'
import type { FullCheckRecord } from '../../../shared/contract/maintenance'
import { silentLogger } from '../../../electron/core/log/logger'
import {
  createMaintenanceRunner,
  type MaintenanceRunnerDeps
} from '../../../electron/core/maintenance/maintenance-runner'

const DAY = 24 * 3_600_000

/** A runner over in-memory facts; `calls` records what it did, in order. */
function setup(over: Partial<MaintenanceRunnerDeps> = {}) {
  let clock = new Date('2030-03-10T03:15:00.000Z')
  const calls: string[] = []
  const state = {
    busy: false,
    newestBackupAt: null as Date | null,
    lastCheck: null as FullCheckRecord | null,
    report: 'ok',
    damaged: [] as string[],
    changed: 0
  }
  const runner = createMaintenanceRunner({
    now: () => clock,
    isBusy: () => state.busy,
    newestBackupAt: () => state.newestBackupAt,
    backup: () => {
      calls.push('backup')
      state.newestBackupAt = clock
      return '/backups/b.db'
    },
    fullCheck: () => {
      calls.push('check')
      return state.report
    },
    lastFullCheck: () => state.lastCheck,
    recordFullCheck: (r) => {
      calls.push(`record:${r.ok}`)
      state.lastCheck = r
    },
    onDamaged: (report) => {
      calls.push('damaged')
      state.damaged.push(report)
      return Promise.resolve()
    },
    onChanged: () => void state.changed++,
    isCorruption: (e) => e instanceof Error && e.message === 'corrupt',
    logger: silentLogger,
    ...over
  })
  return { runner, calls, state, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) }
}

describe('maintenance runner', () => {
  it('checks before it backs up, records the check, and reports a change', async () => {
    const { runner, calls, state } = setup()
    expect(await runner.runDue()).toEqual({
      outcome: 'done',
      backup: 'made',
      integrityCheck: 'ok'
    })
    expect(calls).toEqual(['check', 'record:true', 'backup'])
    expect(state.lastCheck).toEqual({ at: '2030-03-10T03:15:00.000Z', ok: true })
    expect(state.changed).toBe(1)
  })

  it('a second pass the same day does nothing; the next day backs up; a week later checks', async () => {
    const { runner, calls, advance } = setup()
    await runner.runDue()
    calls.length = 0
    advance(6 * 3_600_000)
    expect(await runner.runDue()).toMatchObject({ backup: 'not-due', integrityCheck: 'not-due' })
    expect(calls).toEqual([])
    advance(DAY)
    expect(await runner.runDue()).toMatchObject({ backup: 'made', integrityCheck: 'not-due' })
    advance(7 * DAY)
    expect(await runner.runDue()).toMatchObject({ backup: 'made', integrityCheck: 'ok' })
    expect(calls).toEqual(['backup', 'check', 'record:true', 'backup'])
  })

  it('skips everything while a run is active', async () => {
    const { runner, calls, state } = setup()
    state.busy = true
    expect(await runner.runDue({ force: true })).toEqual({
      outcome: 'busy',
      backup: 'skipped',
      integrityCheck: 'skipped'
    })
    expect(calls).toEqual([])
    expect(state.changed).toBe(0)
  })

  it('a failed check degrades the app and makes no backup of the damaged file', async () => {
    const { runner, calls, state } = setup()
    state.report = '*** in database main ***\nPage 7: btreeInitPage() returns error code 11'
    expect(await runner.runDue()).toEqual({
      outcome: 'done',
      backup: 'skipped',
      integrityCheck: 'failed'
    })
    expect(calls).toEqual(['check', 'record:false', 'damaged'])
    expect(state.damaged).toEqual([state.report])
  })

  it('a failed backup is a warning, not a throw, and clears once a backup succeeds', async () => {
    let fail = true
    const { runner, state } = setup({
      backup: () => {
        if (fail) throw new Error('disk full')
        return '/b.db'
      }
    })
    expect(await runner.runDue()).toMatchObject({ outcome: 'done', backup: 'failed' })
    expect(runner.warning()).toMatch(/backup failed: disk full/)
    expect(state.changed).toBe(1)
    fail = false
    expect(await runner.runDue()).toMatchObject({ backup: 'made' })
    expect(runner.warning()).toBeNull()
  })

  it('a backup that reads a damaged page triggers the full check at once', async () => {
    const { runner, calls, state } = setup({
      backup: () => {
        calls.push('backup')
        throw new Error('wrapped', { cause: new Error('corrupt') })
      }
    })
    state.lastCheck = { at: '2030-03-09T03:15:00.000Z', ok: true }
    state.report = 'row 3 missing from index'
    expect(await runner.runDue()).toEqual({
      outcome: 'done',
      backup: 'failed',
      integrityCheck: 'failed'
    })
    expect(calls).toEqual(['backup', 'check', 'record:false', 'damaged'])
  })

  it('one pass at a time: a pass started during another reports busy', async () => {
    let release: () => void = () => undefined
    let reachedDamage: () => void = () => undefined
    const damageReached = new Promise<void>((r) => (reachedDamage = r))
    const { runner, state } = setup({
      onDamaged: () =>
        new Promise<void>((r) => {
          release = r
          reachedDamage()
        })
    })
    state.report = 'bad'
    const first = runner.runDue()
    expect(await runner.runDue()).toMatchObject({ outcome: 'busy' })
    // The first pass is still going (its check is awaited): it ends once its damage handling does.
    await damageReached
    release()
    expect(await first).toMatchObject({ integrityCheck: 'failed' })
  })

  it('a check that cannot run is a warning and is retried at the next pass', async () => {
    let broken = true
    const { runner, state } = setup({
      fullCheck: () => {
        if (broken) throw new Error('EACCES')
        return 'ok'
      }
    })
    expect(await runner.runDue()).toMatchObject({ integrityCheck: 'skipped', backup: 'made' })
    expect(runner.warning()).toMatch(/integrity check could not run/)
    broken = false
    expect(await runner.runDue()).toMatchObject({ integrityCheck: 'ok' })
    expect(state.lastCheck?.ok).toBe(true)
  })
})
