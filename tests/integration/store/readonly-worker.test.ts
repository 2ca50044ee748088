/**
 * The scheduled integrity_check and backup on a worker thread: a real file, a real worker. The
 * core's thread keeps turning while they run; damage comes back as the report; a file that cannot
 * be opened (or written) rejects, as the same work on the calling thread throws.
 */
import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDatabaseFile, openDatabase } from '../../../electron/core/store'
import {
  checkDatabaseFileInWorker,
  vacuumIntoInWorker
} from '../../../electron/core/store/readonly-worker'
import { corruptPages } from '../../support/corrupt-pages'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir('roster-health-worker-')

/** A closed database of a few MB in its scratch table's pages (where the damage goes). */
function makeDatabase(): string {
  const file = join(dir(), 'roster.db')
  const db = openDatabase(file)
  db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  const insert = db.prepare('INSERT INTO scratch (body) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(200))
  })()
  db.close()
  return file
}

describe('integrity_check on a worker thread', () => {
  it("answers 'ok' for a sound file while the calling thread goes on", async () => {
    const file = makeDatabase()
    let turned = false
    setImmediate(() => (turned = true))
    const report = await checkDatabaseFileInWorker(file, 'integrity')
    expect(report).toBe('ok')
    // A check run on this thread would have finished before the event loop turned.
    expect(turned).toBe(true)
  })

  it('returns the same damage report as the check on the calling thread', async () => {
    const file = makeDatabase()
    corruptPages(file, 'scratch')
    const report = await checkDatabaseFileInWorker(file, 'integrity')
    expect(report).not.toBe('ok')
    expect(report).toBe(checkDatabaseFile(file, 'integrity'))
  })

  it('rejects when the file cannot be opened', async () => {
    await expect(
      checkDatabaseFileInWorker(join(dir(), 'missing.db'), 'integrity')
    ).rejects.toThrow()
  })
})

describe('VACUUM INTO on a worker thread', () => {
  it('writes a complete copy while the calling thread goes on', async () => {
    const file = makeDatabase()
    const target = join(dir(), 'copy.db')
    let turned = false
    setImmediate(() => (turned = true))
    await vacuumIntoInWorker(file, target)
    expect(turned).toBe(true)
    const copy = new Database(target, { readonly: true })
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM scratch').get()).toEqual({ n: 2000 })
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      copy.close()
    }
  })

  it('rejects with the SQLite error when the copy cannot be written', async () => {
    const file = makeDatabase()
    const target = join(dir(), 'no-such-folder', 'copy.db')
    await expect(vacuumIntoInWorker(file, target)).rejects.toMatchObject({
      code: expect.stringMatching(/^SQLITE_/) as unknown
    })
    expect(existsSync(target)).toBe(false)
  })
})
