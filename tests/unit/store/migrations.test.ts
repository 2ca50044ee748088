import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../../electron/core/store/backups'
import { openDatabase } from '../../../electron/core/store/db'
import { DbFromFutureError, MigrationFailedError } from '../../../electron/core/store/errors'
import type { Migration } from '../../../electron/core/store/migrations'
import { MIGRATIONS } from '../../../electron/core/store/migrations'
import { fingerprint, useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()
/** These tests exercise the migration mechanics on the foundation schema alone (v10). */
const BASE = MIGRATIONS.slice(0, 1)
const userVersion = (db: Database.Database) => db.pragma('user_version', { simple: true })
const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string
    }[]
  ).map((r) => r.name)

const addNotes: Migration = {
  version: 20,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT')
}
const failingAfterDdl: Migration = {
  version: 30,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT')
    throw new Error('migration exploded halfway')
  }
}

/** A file on schema 10 with one row, so a later migration run has something to back up. */
function seedV10(file: string) {
  const db = openDatabase(file, { migrations: BASE })
  db.prepare("INSERT INTO app_meta (key, value) VALUES ('seed', 'kept')").run()
  db.close()
}

describe('migrations', () => {
  it('migrates a new file without writing a backup', () => {
    const file = join(dir(), 'roster.db')
    const db = openDatabase(file, { migrations: BASE })
    expect(userVersion(db)).toBe(10)
    expect(tables(db)).toEqual(['app_meta', 'audit_log', 'credentials'])
    db.close()
    expect(existsSync(join(dir(), 'backups'))).toBe(false)
  })

  it('backs up an existing file before migrating it and applies all pending steps', () => {
    const file = join(dir(), 'roster.db')
    seedV10(file)
    const at = new Date('2025-01-02T03:04:05.678Z')
    const db = openDatabase(file, { migrations: [...BASE, addNotes], now: () => at })
    expect(userVersion(db)).toBe(20)
    expect(tables(db)).toContain('notes')
    db.close()
    const backups = listBackups(join(dir(), 'backups'))
    expect(backups.map((p) => p.split('/').at(-1))).toEqual(['roster-v10-20250102T030405678Z.db'])
    // The backup is the pre-migration state: schema 10, the seeded row, no notes table.
    const copy = openDatabase(backups[0]!, { readonly: true, migrations: BASE })
    expect(userVersion(copy)).toBe(10)
    expect(tables(copy)).not.toContain('notes')
    expect(copy.prepare("SELECT value FROM app_meta WHERE key = 'seed'").pluck().get()).toBe('kept')
    copy.close()
  })

  it('a migration that throws rolls back entirely; the backup exists; MigrationFailedError', () => {
    const file = join(dir(), 'roster.db')
    seedV10(file)
    let err: unknown
    try {
      openDatabase(file, { migrations: [...BASE, addNotes, failingAfterDdl] })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(MigrationFailedError)
    const failed = err as MigrationFailedError
    expect(failed.code).toBe('DATABASE_ERROR')
    expect(failed.fromVersion).toBe(10)
    expect(failed.failedVersion).toBe(30)
    expect((failed.cause as Error).message).toBe('migration exploded halfway')
    expect(failed.backupPath).not.toBeNull()
    expect(existsSync(failed.backupPath!)).toBe(true)

    // Still schema 10: neither v20's table nor v30's half-made one survived.
    const db = openDatabase(file, { migrations: BASE })
    expect(userVersion(db)).toBe(10)
    expect(tables(db)).toEqual(['app_meta', 'audit_log', 'credentials'])
    expect(db.prepare("SELECT value FROM app_meta WHERE key = 'seed'").pluck().get()).toBe('kept')
    db.close()
  })

  it('refuses a file from a newer app without touching it', () => {
    const file = join(dir(), 'roster.db')
    const db = openDatabase(file, { migrations: BASE })
    db.pragma('user_version = 990')
    db.close()
    const before = fingerprint(dir(), file)
    expect(before.listing).toEqual(['roster.db'])

    let err: unknown
    try {
      openDatabase(file, { migrations: BASE })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DbFromFutureError)
    expect(err).toMatchObject({ code: 'DATABASE_ERROR', fileVersion: 990, appVersion: 10 })
    // Same bytes, same mtime, and no -wal, -shm or backups folder appeared.
    expect(fingerprint(dir(), file)).toEqual(before)
    expect(() => openDatabase(file, { readonly: true, migrations: BASE })).toThrow(
      DbFromFutureError
    )
    expect(fingerprint(dir(), file)).toEqual(before)
  })

  it('keeps only the newest backups', () => {
    const file = join(dir(), 'roster.db')
    seedV10(file)
    let t = Date.parse('2025-01-01T00:00:00.000Z')
    const steps: Migration[] = [...BASE]
    for (let v = 20; v <= 80; v += 10) {
      steps.push({ version: v, name: `noop-${v}`, up: () => undefined })
      openDatabase(file, { migrations: steps, now: () => new Date((t += 60_000)) }).close()
    }
    const names = readdirSync(join(dir(), 'backups')).sort()
    expect(names).toHaveLength(5)
    expect(names[0]).toBe('roster-v30-20250101T000300000Z.db')
    expect(names[4]).toBe('roster-v70-20250101T000700000Z.db')
  })

  it('refuses a migration list that is out of order', () => {
    const bad: Migration[] = [addNotes, ...BASE]
    expect(() => openDatabase(join(dir(), 'roster.db'), { migrations: bad })).toThrow(
      /out of order/
    )
  })
})
