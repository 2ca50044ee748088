/** Small key/value settings of the app itself (schema-independent facts such as the last app version). */
import type Database from 'better-sqlite3'
import type { Db } from '../db'
import { mapped } from '../transaction'

export type AppMetaRepo = {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): boolean
}

export function createAppMetaRepo(db: Db): AppMetaRepo {
  const byKey = db.prepare<[string], { value: string }>('SELECT value FROM app_meta WHERE key = ?')
  const upsert = db.prepare<[string, string]>(
    `INSERT INTO app_meta (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`
  )
  const del = db.prepare<[string]>('DELETE FROM app_meta WHERE key = ?')
  return {
    get: (key) => mapped(() => byKey.get(key)?.value ?? null),
    set: (key, value) => void mapped(() => upsert.run(key, value)),
    remove: (key) => mapped(() => del.run(key).changes > 0)
  }
}

/**
 * Records which build last opened the file. Written only when it changed, so a plain open does not
 * write. Skipped when the schema has no app_meta (test migrations).
 */
export function recordAppVersion(db: Database.Database, appVersion: string): void {
  const hasMeta = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'app_meta'")
    .get()
  if (!hasMeta) return
  mapped(() =>
    db
      .prepare(
        `INSERT INTO app_meta (key, value) VALUES ('app_version', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value <> excluded.value`
      )
      .run(appVersion)
  )
}
