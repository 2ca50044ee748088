/**
 * The scheduled integrity_check on a worker thread: a real file, a real worker. The core's thread
 * keeps turning while it runs; damage comes back as the report; a file that cannot be opened
 * rejects, as checkDatabaseFile throws.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDatabaseFile, openDatabase } from '../../../electron/core/store'
import { checkDatabaseFileInWorker } from '../../../electron/core/store/health-in-worker'
import { corruptMiddle, useTempDir } from '../../support/store-fixtures'

const dir = useTempDir('roster-health-worker-')

/** A closed database of a few MB, so damage in its middle lands in table pages. */
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
    corruptMiddle(file)
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
