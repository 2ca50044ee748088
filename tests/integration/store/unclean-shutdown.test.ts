/**
 * A writer killed with SIGKILL (F1/F5 shape): the WAL it leaves behind is recovered on the next open,
 * which runs the full integrity_check because the last session did not close cleanly. Losing the -wal
 * as well still leaves a consistent (older) database.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../electron/core/log/logger'
import { openDatabase } from '../../../electron/core/store/db'
import { DbFromFutureError } from '../../../electron/core/store/errors'
import { createAuditRepo } from '../../../electron/core/store/repositories/audit-repo'
import { useTempDir } from '../../support/store-fixtures'
import { createCore, DATABASE_FILE, type Core } from '../../../electron/core/host/core'
import { checkDatabaseFile, type Inspection } from '../../../electron/core/store/health'
import Database from 'better-sqlite3'
import { createMemorySecretStore } from '../../support/memory-secret-store'
import type { AppStatus } from '../../../shared/contract/app-status'

const dir = useTempDir()

/** A core over `dataDir` (no scheduler, no maintenance), and the statuses it announced. */
async function bootCore(dataDir: string) {
  const core = await createCore({
    dataDir,
    appVersion: '0.0.0-test',
    secretStore: createMemorySecretStore(),
    scheduler: false,
    maintenance: false,
    host: { openExternal: () => Promise.resolve() }
  })
  const statuses: AppStatus[] = []
  core.onEvent((channel, payload) => {
    if (channel === 'app:status-changed') statuses.push(payload as AppStatus)
  })
  return { core, statuses }
}

async function readStatus(core: Core): Promise<AppStatus> {
  const env = await core.call('app:get-status', undefined)
  if (!env.ok) throw new Error(env.error.message)
  return env.value as AppStatus
}

/** Commits `rows` audit rows in WAL mode, then kills itself before any clean close or checkpoint. */
const WRITER = `
const Database = require('better-sqlite3')
const db = new Database(process.argv[1])
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
const insert = db.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('t', 'child', 'row')")
const rows = Number(process.argv[2])
for (let i = 0; i < rows; i += 10) db.transaction(() => { for (let j = 0; j < 10; j++) insert.run() })()
if (process.argv[3]) db.exec(process.argv[3])
process.kill(process.pid, 'SIGKILL')
`

function killedWriter(file: string, rows: number, extraSql = '') {
  // cwd = project root so require('better-sqlite3') resolves to the project's build.
  const r = spawnSync(process.execPath, ['-e', WRITER, file, String(rows), extraSql], {
    cwd: process.cwd()
  })
  expect(r.signal).toBe('SIGKILL')
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = []
  const logger = createLogger({ sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) })
  return { logger, lines }
}

describe('unclean shutdown', () => {
  it('recovers the committed rows from the WAL and runs integrity_check', () => {
    const file = join(dir(), 'roster.db')
    openDatabase(file).close()
    killedWriter(file, 200)
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)

    const { logger, lines } = capturingLogger()
    const checks: Inspection[] = []
    const db = openDatabase(file, { logger, onChecked: (c) => checks.push(c) })
    try {
      expect(lines).toContainEqual(
        expect.objectContaining({ event: 'db.health', check: 'integrity' })
      )
      expect(checks).toEqual([{ check: 'integrity', due: null }])
      expect(createAuditRepo(db).listRecent(1000)).toHaveLength(200)
    } finally {
      db.close()
    }
    // The clean close checkpoints and removes the WAL: the next open is a quick one.
    expect(existsSync(`${file}-wal`)).toBe(false)
    const again = capturingLogger()
    openDatabase(file, { logger: again.logger }).close()
    expect(again.lines).toContainEqual(
      expect.objectContaining({ event: 'db.health', check: 'quick' })
    )
  })

  it('with the -wal deleted after the crash, the database opens consistent at its last checkpoint', () => {
    const file = join(dir(), 'roster.db')
    const db = openDatabase(file)
    createAuditRepo(db).append({ actor: 'parent', action: 'checkpointed' })
    db.close()
    killedWriter(file, 50)
    rmSync(`${file}-wal`)
    rmSync(`${file}-shm`, { force: true })

    const reopened = openDatabase(file)
    try {
      const rows = createAuditRepo(reopened).listRecent(1000)
      expect(rows.map((r) => r.action)).toEqual(['checkpointed'])
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      reopened.close()
    }
  })

  it('a newer schema version that only exists in the hot WAL is still refused, with no backup', () => {
    const file = join(dir(), 'roster.db')
    openDatabase(file).close()
    killedWriter(file, 10, 'PRAGMA user_version = 990')
    expect(() => openDatabase(file)).toThrow(DbFromFutureError)
    expect(existsSync(join(dir(), 'backups'))).toBe(false)
  })

  it('the core runs the full check after an unclean shutdown off its thread, then records it', async () => {
    const dataDir = dir()
    const file = join(dataDir, DATABASE_FILE)
    openDatabase(file).close()
    killedWriter(file, 20)
    const before = Date.now()
    const { core, statuses } = await bootCore(dataDir)
    try {
      // Every call but the read-only ones waits for the check: this one returns after it ended.
      const created = await core.call('roles:create', { name: 'Auditor' })
      expect(created).toMatchObject({ ok: true })
      expect(statuses.at(-1)?.database).toMatchObject({ checking: false, healthy: true })
      const check = (await readStatus(core)).database.lastFullCheck
      expect(check?.ok).toBe(true)
      expect(Date.parse(check?.at ?? '')).toBeGreaterThanOrEqual(before - 1000)
      await core.close()
      // A clean start after that runs the quick check only, and keeps the record.
      const again = await bootCore(dataDir)
      expect((await readStatus(again.core)).database).toMatchObject({
        checking: false,
        lastFullCheck: check
      })
      await again.core.close()
    } finally {
      await core.close()
    }
  })

  it('damage only the full check finds: the core degrades after it, and records no passed check', async () => {
    const dataDir = dir()
    const file = join(dataDir, DATABASE_FILE)
    const db = openDatabase(file)
    db.exec('CREATE INDEX audit_actor ON audit_log (actor)')
    createAuditRepo(db).append({ actor: 'parent', action: 'indexed by actor' })
    // The index now claims another column than the one it holds: its B-tree is sound (quick_check
    // passes), its content disagrees with the table (integrity_check fails). Defensive mode, which
    // forbids editing the schema table, is off for this one connection only.
    db.unsafeMode(true)
    db.pragma('writable_schema = ON')
    db.prepare(
      "UPDATE sqlite_schema SET sql = 'CREATE INDEX audit_actor ON audit_log (action)' WHERE name = 'audit_actor'"
    ).run()
    db.close()
    killedWriter(file, 20)
    expect(checkDatabaseFile(file, 'quick')).toBe('ok')
    const { core, statuses } = await bootCore(dataDir)
    try {
      // A write waits for the full check, which finds the damage; reads are refused from then on.
      const refused = await core.call('roles:create', { name: 'Auditor' })
      expect(refused).toMatchObject({ ok: false, error: { code: 'DATABASE_ERROR' } })
      expect(await core.call('credentials:list', undefined)).toMatchObject({
        ok: false,
        error: { code: 'DATABASE_ERROR' }
      })
      const status = await readStatus(core)
      expect(status.database).toMatchObject({ healthy: false, checking: false })
      expect(status.database.message).toMatch(/damaged/)
      expect(statuses.at(-1)?.database.healthy).toBe(false)
    } finally {
      await core.close()
    }
    // Nothing recorded a passed check in the file.
    const raw = new Database(file, { readonly: true })
    try {
      const meta = raw
        .prepare("SELECT value FROM app_meta WHERE key = 'last_integrity_check_at'")
        .pluck()
        .get()
      expect(meta).toBeUndefined()
    } finally {
      raw.close()
    }
  })
})
