import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/store/migrations'
import { NEW_FILE_PAGE_SIZE, withFullSync } from '../../../electron/core/store/pragmas'
import { createAppMetaRepo } from '../../../electron/core/store/repositories/app-meta-repo'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()
const pragma = (db: Database.Database, name: string): unknown => db.pragma(name, { simple: true })

describe('openDatabase pragmas', () => {
  it('sets WAL, foreign keys, NORMAL sync, busy timeout, bounded cache and memory temp store', () => {
    const db = openDatabase(join(dir(), 'roster.db'))
    try {
      expect(pragma(db, 'journal_mode')).toBe('wal')
      expect(pragma(db, 'foreign_keys')).toBe(1)
      expect(pragma(db, 'synchronous')).toBe(1)
      expect(pragma(db, 'busy_timeout')).toBe(5000)
      expect(pragma(db, 'cache_size')).toBe(-65536)
      expect(pragma(db, 'temp_store')).toBe(2)
      expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION)
      expect(pragma(db, 'page_size')).toBe(NEW_FILE_PAGE_SIZE)
    } finally {
      db.close()
    }
  })

  it('gives only a new file the larger page size: an older store keeps its own and still migrates', () => {
    const file = join(dir(), 'old.db')
    const legacy = new Database(file)
    legacy.exec('CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1)')
    const legacyPageSize = pragma(legacy, 'page_size')
    legacy.close()
    expect(legacyPageSize).not.toBe(NEW_FILE_PAGE_SIZE)
    const db = openDatabase(file)
    try {
      expect(pragma(db, 'page_size')).toBe(legacyPageSize)
      expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION)
      expect(db.prepare('SELECT x FROM t').pluck().get()).toBe(1)
    } finally {
      db.close()
    }
  })

  it('reports NORMAL sync even on the connection that switched a rollback-journal file to WAL', () => {
    const file = join(dir(), 'old.db')
    const legacy = new Database(file)
    legacy.pragma('journal_mode = DELETE')
    legacy.exec('CREATE TABLE t (x INTEGER) STRICT')
    legacy.close()
    const db = openDatabase(file, { migrations: [] })
    try {
      expect(pragma(db, 'journal_mode')).toBe('wal')
      expect(pragma(db, 'synchronous')).toBe(1)
    } finally {
      db.close()
    }
  })

  it('withFullSync commits with FULL and returns to NORMAL, also after an error', () => {
    const db = openDatabase(join(dir(), 'roster.db'))
    try {
      const seen = withFullSync(db, () => pragma(db, 'synchronous'))
      expect(seen).toBe(2)
      expect(pragma(db, 'synchronous')).toBe(1)
      expect(() =>
        withFullSync(db, () => {
          throw new Error('boom')
        })
      ).toThrow('boom')
      expect(pragma(db, 'synchronous')).toBe(1)
      expect(() => db.transaction(() => withFullSync(db, () => 1))()).toThrow(/inside another/)
    } finally {
      db.close()
    }
  })

  it('is idempotent: reopening a migrated file changes nothing and writes no backup', () => {
    const file = join(dir(), 'roster.db')
    openDatabase(file).close()
    const db = openDatabase(file)
    try {
      expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION)
    } finally {
      db.close()
    }
    expect(existsSync(join(dir(), 'backups'))).toBe(false)
  })

  it('records the app version only when it changes', () => {
    const file = join(dir(), 'roster.db')
    openDatabase(file, { appVersion: '1.0.0' }).close()
    const db = openDatabase(file, { appVersion: '1.1.0' })
    try {
      expect(createAppMetaRepo(db).get('app_version')).toBe('1.1.0')
    } finally {
      db.close()
    }
  })

  it('opens read-only without migrating, and refuses a missing file', () => {
    const file = join(dir(), 'roster.db')
    expect(() => openDatabase(file, { readonly: true })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' })
    )
    openDatabase(file).close()
    const ro = openDatabase(file, { readonly: true })
    try {
      expect(ro.readonly).toBe(true)
      expect(pragma(ro, 'foreign_keys')).toBe(1)
      expect(() => ro.exec("INSERT INTO app_meta VALUES ('a', 'b')")).toThrow(/readonly/)
    } finally {
      ro.close()
    }
  })
})
