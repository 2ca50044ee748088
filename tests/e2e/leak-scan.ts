/** Finds secret values in files and text: the check behind "tokens live only in the keychain". */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Every file under `dir`, recursively (db, -wal, -shm, logs, backups...). */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

export type Leak = { where: string; needle: string }

export function findIn(where: string, haystack: string, needles: readonly string[]): Leak[] {
  return needles.filter((n) => haystack.includes(n)).map((needle) => ({ where, needle }))
}

export async function findInFiles(
  dir: string,
  needles: readonly string[]
): Promise<{ files: string[]; leaks: Leak[] }> {
  const files = await allFiles(dir)
  const leaks: Leak[] = []
  for (const file of files) {
    // latin1 keeps every byte, so a value inside a binary SQLite page is still found.
    leaks.push(...findIn(file, (await readFile(file)).toString('latin1'), needles))
  }
  return { files, leaks }
}
