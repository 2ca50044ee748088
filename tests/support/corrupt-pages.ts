/**
 * Damages a database file the way F5 (reliability.md) asks, for store, core and e2e tests alike:
 * no vitest import, so Playwright specs can use it too.
 */
import Database from 'better-sqlite3'
import { randomFillSync } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

/**
 * F5: overwrite with garbage the header of every page of one table (by default one that nothing
 * reads at start or in maintenance, so only a health check can find the damage). Page headers, not
 * a span of bytes: a span can fall inside a page's unused space, which no check reads.
 */
export function corruptPages(file: string, table = 'plan_items'): void {
  const leftBehind = ['-wal', '-shm'].filter((suffix) => !existsSync(`${file}${suffix}`))
  const db = new Database(file, { readonly: true, fileMustExist: true })
  let pages: number[]
  let pageSize: number
  try {
    pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ?').pluck().all(table) as number[]
    pageSize = db.pragma('page_size', { simple: true }) as number
  } finally {
    db.close()
    // A read-only connection to a WAL file creates -wal and -shm: leave the folder as it was.
    for (const suffix of leftBehind) rmSync(`${file}${suffix}`, { force: true })
  }
  if (pages.length === 0) throw new Error(`corruptPages: no pages for ${table}`)
  const bytes = readFileSync(file)
  // Page 1 starts with the 100-byte file header; its B-tree header follows it.
  for (const page of pages)
    randomFillSync(bytes, (page - 1) * pageSize + (page === 1 ? 100 : 0), 64)
  writeFileSync(file, bytes)
}
