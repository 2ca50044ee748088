import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function makeDataDir(prefix = 'roster-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Every file under `dir` (db, -wal, -shm, logs, backups) whose bytes contain one of `needles`. */
export function filesContaining(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else {
        const bytes = readFileSync(p)
        if (needles.some((n) => n.length > 0 && bytes.includes(Buffer.from(n)))) hits.push(p)
      }
    }
  }
  walk(dir)
  return hits
}
