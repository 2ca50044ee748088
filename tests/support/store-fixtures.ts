/** Temp folders and file helpers for the SQLite store tests: every test gets its own directory. */
import Database from 'better-sqlite3'
import { createHash, randomFillSync } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** Registers beforeEach/afterEach hooks; call `dir()` inside a test for that test's folder. */
export function useTempDir(prefix = 'roster-store-'): () => string {
  let current: string | undefined
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), prefix))
  })
  afterEach(() => {
    if (current) rmSync(current, { recursive: true, force: true })
    current = undefined
  })
  return () => {
    if (!current) throw new Error('useTempDir: only available inside a test')
    return current
  }
}

export const sha256File = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex')

/** Bytes, mtime and the folder listing: what "the file was not touched" means in these tests. */
export function fingerprint(dir: string, file: string) {
  return {
    sha256: sha256File(file),
    mtimeMs: statSync(file).mtimeMs,
    listing: existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []
  }
}

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
