/**
 * Applies pending migrations in ONE transaction tracked by `PRAGMA user_version` (style.md §4.7): either
 * every pending step lands or none does, so a failure leaves the database on its old version (F19).
 */
import type Database from 'better-sqlite3'
import { DbFromFutureError, MigrationFailedError } from './errors'
import { latestVersion, type Migration } from './migrations'

export const readUserVersion = (db: Database.Database): number =>
  db.pragma('user_version', { simple: true }) as number

function assertOrdered(migrations: readonly Migration[]): void {
  let previous = 0
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous)
      throw new Error(`Migrations out of order at version ${m.version} (${m.name})`)
    previous = m.version
  }
}

export type MigrationResult = { from: number; to: number; applied: number[] }

export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  opts: { file: string; backupPath: string | null }
): MigrationResult {
  assertOrdered(migrations)
  const from = readUserVersion(db)
  const latest = latestVersion(migrations)
  if (from > latest) throw new DbFromFutureError(opts.file, from, latest)
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from, applied: [] }

  let current: Migration | undefined
  try {
    db.transaction(() => {
      for (const m of pending) {
        current = m
        m.up(db)
        // An integer from our own list, never user input: interpolation is safe (pragmas take no binds).
        db.pragma(`user_version = ${m.version}`)
      }
    })()
  } catch (cause) {
    throw new MigrationFailedError(from, current?.version ?? latest, opts.backupPath, { cause })
  }
  return { from, to: latest, applied: pending.map((m) => m.version) }
}
