/** Temp folders and file helpers for the SQLite store tests: every test gets its own directory. */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
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
