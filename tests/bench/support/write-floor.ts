/**
 * The SQLite write floor of a full ingest: the rows the ingest wrote (people, SaaS users, raw people
 * and their JSON, history), read back into memory, then inserted into a fresh database with the same schema and
 * pragmas (openDatabase: our migrations) through plain prepared INSERTs, 5,000 people per
 * transaction as the engine commits them (5 pages of 1,000), with the engine's WAL checkpointer
 * nudged after each commit. No fetching, parsing, mapping, hashing or deciding: what the writes alone
 * cost on this machine, measured in the same run as the ingest.
 */
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../../../electron/core/store'
import { silentLogger } from '../../../electron/core/log/logger'
import { createWalCheckpointer } from '../../../electron/core/store/wal-checkpointer'

const TABLES = [
  'people',
  'saas_users',
  'webex_people_raw',
  'webex_people_json',
  'record_history'
] as const
const PEOPLE_PER_COMMIT = 5000

type Table = { insert: Database.Statement<unknown[]>; rows: unknown[][] }

export async function measureWriteFloor(
  sourceFile: string,
  dir: string
): Promise<{ ms: number; rows: number }> {
  const source = new Database(sourceFile, { readonly: true })
  const file = join(dir, 'write-floor.db')
  const target = openDatabase(file)
  try {
    const tables: Table[] = TABLES.map((name) => {
      const columns = source.pragma(`table_info(${name})`) as { name: string }[]
      const list = columns.map((c) => c.name).join(', ')
      const marks = columns.map(() => '?').join(', ')
      return {
        insert: target.prepare(`INSERT INTO ${name} (${list}) VALUES (${marks})`),
        rows: source
          .prepare(`SELECT ${list} FROM ${name} ORDER BY rowid`)
          .raw()
          .all() as unknown[][]
      }
    })
    const people = tables[0]?.rows.length ?? 0
    const rows = tables.reduce((n, t) => n + t.rows.length, 0)
    const checkpointer = createWalCheckpointer(target, { logger: silentLogger })
    const t0 = performance.now()
    for (let from = 0; from < people; from += PEOPLE_PER_COMMIT) {
      const share = (t: Table) => {
        // Each table's rows in the same proportion as its people: history has two per person.
        const per = t.rows.length / people
        return t.rows.slice(Math.round(from * per), Math.round((from + PEOPLE_PER_COMMIT) * per))
      }
      target.transaction(() => {
        for (const t of tables) for (const row of share(t)) t.insert.run(row)
      })()
      checkpointer.nudge()
    }
    await checkpointer.stop()
    target.pragma('wal_checkpoint(PASSIVE)')
    return { ms: performance.now() - t0, rows }
  } finally {
    source.close()
    target.close()
    // Gone before the next measurement: its pages are not written back to disk under that one.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
  }
}
