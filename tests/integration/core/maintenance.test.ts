/**
 * Scheduled maintenance through a real core: daily backup, weekly full check, degraded mode after a
 * failed check, a failing backup, and the catch-up pass after start. The clock is fake; files are real.
 */
import Database from 'better-sqlite3'
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/host/core'
import {
  backupDatabase,
  backupTakenAt,
  defaultBackupDir,
  listBackups
} from '../../../electron/core/store'
import { corruptPages } from '../../support/corrupt-pages'
import { startHarness, type Harness } from './core-harness'

const DAY = 24 * 3_600_000
const KEEP = 3

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

/** A core whose maintenance runs only when asked, on a clock the test moves. */
async function start() {
  const clock = { now: new Date('2030-03-10T03:15:00.000Z') }
  h = await startHarness(
    {},
    { core: { maintenance: { schedule: false, now: () => clock.now, keepBackups: KEEP } } }
  )
  const file = join(h.dir, DATABASE_FILE)
  return {
    h,
    clock,
    file,
    backupDir: defaultBackupDir(file),
    advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms))
  }
}

const addCredential = (h: Harness, name: string) =>
  h.call('credentials:create', { authType: 'token', name, owner: '', accessToken: h.sim.token })

function readMeta(file: string, key: string): string | null {
  const db = new Database(file, { readonly: true })
  try {
    const row = db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as
      { value: string } | undefined
    return row?.value ?? null
  } finally {
    db.close()
  }
}

function quickCheck(file: string): unknown {
  const db = new Database(file, { readonly: true })
  try {
    return db.pragma('quick_check', { simple: true })
  } finally {
    db.close()
  }
}

it('makes the daily backup when none is a day old, keeps N, and checks weekly', async () => {
  const { h, clock, file, backupDir, advance } = await start()
  const created = await addCredential(h, 'Kept')
  // Four older backups, the newest two days old: the daily one is due.
  await h.core.close()
  const raw = new Database(file)
  for (const days of [5, 4, 3, 2])
    backupDatabase(raw, {
      backupDir,
      schemaVersion: 1,
      now: () => new Date(clock.now.getTime() - days * DAY),
      keep: 10
    })
  raw.close()
  await h.restart()

  expect(await h.call('app:run-maintenance', undefined)).toEqual({
    outcome: 'done',
    backup: 'made',
    integrityCheck: 'ok'
  })
  const backups = listBackups(backupDir)
  expect(backups).toHaveLength(KEEP)
  expect(backupTakenAt(backups[0]!)?.toISOString()).toBe(clock.now.toISOString())
  // The oldest two (5 and 4 days) were pruned.
  expect(backupTakenAt(backups[KEEP - 1]!)?.toISOString()).toBe(
    new Date(clock.now.getTime() - 3 * DAY).toISOString()
  )
  expect(quickCheck(backups[0]!)).toBe('ok')
  const copy = new Database(backups[0], { readonly: true })
  expect(copy.prepare('SELECT id FROM credentials').all()).toEqual([{ id: created.id }])
  copy.close()
  expect(readdirSync(backupDir).filter((n) => n.endsWith('.partial'))).toEqual([])

  const status = await h.call('app:get-status', undefined)
  expect(status.database).toMatchObject({
    healthy: true,
    lastBackupAt: clock.now.toISOString(),
    lastFullCheck: { at: clock.now.toISOString(), ok: true },
    maintenanceWarning: null
  })

  // Later the same day: nothing is due.
  advance(6 * 3_600_000)
  expect(await h.call('app:run-maintenance', undefined)).toMatchObject({
    backup: 'not-due',
    integrityCheck: 'not-due'
  })
  expect(listBackups(backupDir)[0]).toBe(backups[0])

  // The check is remembered in app_meta across a restart: the next day backs up but does not check.
  await h.restart()
  advance(DAY)
  expect(await h.call('app:run-maintenance', undefined)).toMatchObject({
    backup: 'made',
    integrityCheck: 'not-due'
  })
  advance(7 * DAY)
  expect(await h.call('app:run-maintenance', undefined)).toMatchObject({
    backup: 'made',
    integrityCheck: 'ok'
  })
  await h.core.close()
  expect(readMeta(file, 'last_integrity_check_at')).toBe(clock.now.toISOString())
  expect(readMeta(file, 'last_integrity_check_result')).toBe('ok')
  await h.restart()
})

it('does nothing while a run holds the run lock', async () => {
  const { h, file, backupDir } = await start()
  const other = new Database(file)
  other
    .prepare(
      'INSERT INTO run_lock (integration_id, run_id, owner, heartbeat_at) VALUES (?, ?, ?, ?)'
    )
    .run('i-1', 'r-1', 'someone', new Date().toISOString())
  expect(await h.call('app:run-maintenance', { force: true })).toEqual({
    outcome: 'busy',
    backup: 'skipped',
    integrityCheck: 'skipped'
  })
  expect(listBackups(backupDir)).toEqual([])
  other.prepare('DELETE FROM run_lock').run()
  other.close()
  expect(await h.call('app:run-maintenance', undefined)).toMatchObject({ backup: 'made' })
})

it('a damaged file fails the weekly check: the core degrades, refuses writes and restores', async () => {
  const { h, file, advance } = await start()
  const created = await addCredential(h, 'Before damage')
  expect(await h.call('app:run-maintenance', undefined)).toMatchObject({
    backup: 'made',
    integrityCheck: 'ok'
  })
  const events: unknown[] = []
  h.core.onEvent((channel, payload) => {
    if (channel === 'app:status-changed') events.push(payload)
  })
  // Everything committed goes into the main file; then, under the open core, the pages of a table
  // that no start or maintenance step reads are overwritten.
  const other = new Database(file)
  other.pragma('wal_checkpoint(TRUNCATE)')
  other.close()
  corruptPages(file)

  advance(8 * DAY)
  expect(await h.call('app:run-maintenance', undefined)).toEqual({
    outcome: 'done',
    backup: 'skipped',
    integrityCheck: 'failed'
  })
  const status = await h.call('app:get-status', undefined)
  expect(status.database.healthy).toBe(false)
  expect(status.database.latestBackup).toMatch(/roster-v\d+-.*\.db$/)
  expect(events).toContainEqual(expect.objectContaining({ database: status.database }))
  // Nothing computes from the damaged file: writes and maintenance are refused with the reason.
  expect(
    await h.raw('credentials:create', {
      authType: 'token',
      name: 'After damage',
      owner: '',
      accessToken: h.sim.token
    })
  ).toMatchObject({ ok: false, error: { code: 'DATABASE_ERROR' } })
  expect(await h.raw('app:run-maintenance', undefined)).toMatchObject({ ok: false })

  // The same restore flow as a failed startup check.
  expect(await h.call('app:restore-backup', undefined)).toEqual({ restored: true })
  expect((await h.call('app:get-status', undefined)).database.healthy).toBe(true)
  expect((await h.call('credentials:list', undefined)).map((c) => c.id)).toEqual([created.id])
  expect(readdirSync(h.dir).some((n) => n.startsWith(`${DATABASE_FILE}.corrupt-`))).toBe(true)
})

it('a backup that cannot be written is a warning: no crash, no partial file, core still works', async () => {
  const { h, backupDir } = await start()
  writeFileSync(backupDir, 'a file where the backup folder should be')
  expect(await h.call('app:run-maintenance', undefined)).toEqual({
    outcome: 'done',
    backup: 'failed',
    integrityCheck: 'ok'
  })
  const status = await h.call('app:get-status', undefined)
  expect(status.database).toMatchObject({ healthy: true, lastBackupAt: null })
  expect(status.database.maintenanceWarning).toMatch(/scheduled backup failed/)
  const partials = readdirSync(h.dir, { recursive: true })
    .map(String)
    .filter((n) => n.includes('.partial'))
  expect(partials).toEqual([])
  // The core keeps working, and the next pass (folder fixed) backs up and clears the warning.
  await addCredential(h, 'Still writable')
  rmSync(backupDir)
  expect(await h.call('app:run-maintenance', undefined)).toMatchObject({ backup: 'made' })
  expect((await h.call('app:get-status', undefined)).database.maintenanceWarning).toBeNull()
  expect(existsSync(backupDir)).toBe(true)
})

it('the catch-up pass after start backs up without being asked', async () => {
  h = await startHarness({}, { core: { maintenance: { catchUpDelayMs: 20 } } })
  const changed = new Promise<unknown>((resolve) =>
    h!.core.onEvent((channel, payload) => {
      if (channel === 'app:status-changed') resolve(payload)
    })
  )
  expect(listBackups(defaultBackupDir(join(h.dir, DATABASE_FILE)))).toEqual([])
  const status = (await changed) as { database: { lastBackupAt: string | null } }
  expect(status.database.lastBackupAt).not.toBeNull()
  expect(listBackups(defaultBackupDir(join(h.dir, DATABASE_FILE)))).toHaveLength(1)
})
