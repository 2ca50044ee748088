import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  backupDatabase,
  newestBackup,
  restoreFromBackup
} from '../../../electron/core/store/backups'
import { openDatabase } from '../../../electron/core/store/db'
import { DatabaseCorruptError } from '../../../electron/core/store/errors'
import type { Inspection } from '../../../electron/core/store/health'
import { latestVersion, MIGRATIONS } from '../../../electron/core/store/migrations'
import type { Migration } from '../../../electron/core/store/migrations/types'
import { createAuditRepo } from '../../../electron/core/store/repositories/audit-repo'
import { corruptPages } from '../../support/corrupt-pages'
import { sha256File, useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()

/** A database with 2,000 audit rows (the pages the damage goes to), plus two backups. */
function prepare() {
  const file = join(dir(), 'roster.db')
  const backupDir = join(dir(), 'backups')
  const db = openDatabase(file)
  const audit = createAuditRepo(db)
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) audit.append({ actor: 'test', action: 'seed', detail: { i } })
  })()
  const older = backupDatabase(db, {
    backupDir,
    schemaVersion: 10,
    now: () => new Date('2025-01-01T00:00:00Z')
  })
  const newer = backupDatabase(db, {
    backupDir,
    schemaVersion: 10,
    now: () => new Date('2025-02-01T00:00:00Z')
  })
  db.close()
  return { file, backupDir, older, newer }
}

describe('startup health check', () => {
  it('a damaged file fails quick_check: DatabaseCorruptError with the newest backup, file untouched', () => {
    const { file, newer } = prepare()
    corruptPages(file, 'audit_log')
    const damaged = sha256File(file)

    let err: unknown
    try {
      openDatabase(file)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DatabaseCorruptError)
    const corrupt = err as DatabaseCorruptError
    expect(corrupt.code).toBe('DATABASE_ERROR')
    expect(corrupt.newestBackup).toBe(newer)
    expect(corrupt.checkReport).not.toBe('ok')
    expect(corrupt.message).toMatch(/restore/)
    expect(sha256File(file)).toBe(damaged)
    expect(readdirSync(dir()).sort()).toEqual(['backups', 'roster.db'])
  })

  it('deferCheck after a clean shutdown: no check here, quick_check due, and the open writes nothing', () => {
    const { file } = prepare()
    const before = sha256File(file)
    const seen: Inspection[] = []
    const db = openDatabase(file, {
      appVersion: '9.9.9-new',
      deferCheck: true,
      onChecked: (i) => seen.push(i)
    })
    try {
      expect(seen).toEqual([{ check: null, due: 'quick' }])
      // Not even the app version: the caller records it once the check has passed.
      expect(
        db.prepare("SELECT value FROM app_meta WHERE key = 'app_version'").pluck().get()
      ).not.toBe('9.9.9-new')
    } finally {
      db.close()
    }
    expect(sha256File(file)).toBe(before)
  })

  it('deferCheck with a damaged file the open itself trips over: refused as damaged, with the backup', () => {
    const { file, newer } = prepare()
    corruptPages(file, 'sqlite_schema')
    expect(() => openDatabase(file, { deferCheck: true })).toThrow(
      expect.objectContaining({ constructor: DatabaseCorruptError, newestBackup: newer })
    )
  })

  it('deferCheck with a migration pending: quick_check runs before the backup and the migration', () => {
    const { file } = prepare()
    corruptPages(file, 'audit_log')
    const next: Migration = { version: latestVersion(MIGRATIONS) + 1, name: 'test', up: () => {} }
    expect(() =>
      openDatabase(file, { deferCheck: true, migrations: [...MIGRATIONS, next] })
    ).toThrow(DatabaseCorruptError)
  })

  it('a file that is not SQLite at all is reported as damaged, with no backup to offer', () => {
    const file = join(dir(), 'roster.db')
    writeFileSync(
      file,
      'definitely not a database, but long enough to have a header of 100 bytes '.repeat(3)
    )
    expect(() => openDatabase(file)).toThrow(
      expect.objectContaining({ constructor: DatabaseCorruptError, newestBackup: null })
    )
  })

  it('restore moves the damaged file (and its -wal/-shm) aside and copies the backup in', () => {
    const { file, newer } = prepare()
    corruptPages(file, 'audit_log')
    writeFileSync(`${file}-wal`, 'stale wal')
    const damaged = sha256File(file)
    const at = new Date('2025-03-04T05:06:07.089Z')

    const { corruptPath } = restoreFromBackup(file, newer, { now: () => at })

    expect(corruptPath).toBe(`${file}.corrupt-20250304T050607089Z`)
    expect(sha256File(corruptPath!)).toBe(damaged)
    expect(readFileSync(`${corruptPath}-wal`, 'utf8')).toBe('stale wal')
    expect(existsSync(`${file}-wal`)).toBe(false)
    const db = openDatabase(file)
    const recent = createAuditRepo(db).listRecent(1000)
    expect(recent).toHaveLength(1000)
    expect(recent[0]?.id).toBe(2000)
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('refuses to restore from a damaged backup and leaves everything in place', () => {
    const { file, newer } = prepare()
    copyFileSync(newer, join(dir(), 'bad-backup.db'))
    corruptPages(join(dir(), 'bad-backup.db'), 'audit_log')
    const before = sha256File(file)
    expect(() => restoreFromBackup(file, join(dir(), 'bad-backup.db'))).toThrow(
      expect.objectContaining({ code: 'DATABASE_ERROR' })
    )
    expect(sha256File(file)).toBe(before)
    expect(newestBackup(join(dir(), 'backups'))).toBe(newer)
  })
})
