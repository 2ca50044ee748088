import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/host/core'
import { backupDatabase, defaultBackupDir } from '../../../electron/core/store'
import { corruptPages } from '../../support/corrupt-pages'
import { startHarness, type Harness } from './core-harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

it('a damaged database degrades the core, and restoring the newest backup brings the data back', async () => {
  h = await startHarness()
  const created = await h.call('credentials:create', {
    authType: 'token',
    name: 'Kept',
    owner: '',
    accessToken: h.sim.token
  })
  await h.core.close()
  const file = join(h.dir, DATABASE_FILE)
  const raw = new Database(file)
  backupDatabase(raw, { backupDir: defaultBackupDir(file), schemaVersion: 0 })
  raw.close()
  corruptPages(file)

  await h.restart()
  // The startup check runs in the background; a write waits for it, and it finds the damage.
  expect(await h.raw('roles:create', { name: 'Auditor' })).toMatchObject({
    ok: false,
    error: { code: 'DATABASE_ERROR' }
  })
  const status = await h.call('app:get-status', undefined)
  expect(status.database.healthy).toBe(false)
  expect(status.database.latestBackup).toMatch(/roster-v0-.*\.db$/)
  // Nothing computes on a damaged file: every other channel refuses with the reason.
  expect(await h.raw('credentials:list', undefined)).toMatchObject({
    ok: false,
    error: { code: 'DATABASE_ERROR' }
  })

  expect(await h.call('app:restore-backup', undefined)).toEqual({ restored: true })
  expect((await h.call('app:get-status', undefined)).database.healthy).toBe(true)
  const list = await h.call('credentials:list', undefined)
  expect(list.map((c) => c.id)).toEqual([created.id])
  // A second restore has nothing to do.
  expect(await h.raw('app:restore-backup', undefined)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' }
  })
})
