import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import {
  backupDatabase,
  backupTakenAt,
  checkDatabaseFile,
  listBackups,
  newestBackupAt
} from '../../../electron/core/store'
import { corruptPages } from '../../support/corrupt-pages'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()

function sampleDb(file: string): void {
  const db = new Database(file)
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)')
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 4000; i++) ins.run(`value ${i} ${'x'.repeat(40)}`)
  })()
  db.close()
}

it('a backup knows when it was taken, from its name', () => {
  const file = join(dir(), 'a.db')
  sampleDb(file)
  const db = new Database(file)
  const at = new Date('2031-07-04T05:06:07.089Z')
  const path = backupDatabase(db, { backupDir: join(dir(), 'b'), schemaVersion: 3, now: () => at })
  backupDatabase(db, {
    backupDir: join(dir(), 'b'),
    schemaVersion: 3,
    now: () => new Date('2031-07-01T00:00:00.000Z')
  })
  db.close()
  expect(backupTakenAt(path)?.toISOString()).toBe(at.toISOString())
  expect(newestBackupAt(join(dir(), 'b'))?.toISOString()).toBe(at.toISOString())
  expect(backupTakenAt(join(dir(), 'notes.txt'))).toBeNull()
})

it('a file where the backup folder should be lists no backups instead of throwing', () => {
  const notADir = join(dir(), 'backups')
  writeFileSync(notADir, 'oops')
  expect(listBackups(notADir)).toEqual([])
  expect(newestBackupAt(notADir)).toBeNull()
})

it('checkDatabaseFile reads the file on disk: ok, then the report once a table is damaged', () => {
  const file = join(dir(), 'c.db')
  sampleDb(file)
  expect(checkDatabaseFile(file, 'integrity')).toBe('ok')
  const before = readFileSync(file)
  corruptPages(file, 't')
  expect(readFileSync(file).equals(before)).toBe(false)
  expect(checkDatabaseFile(file, 'integrity')).not.toBe('ok')
})
