/** Every field change of a record (record_history), and the raw Webex JSON side table. */
import type { HistoryEntry } from '../../../../shared/domain/person'
import type { Db } from '../db'

export type HistoryInput = Omit<HistoryEntry, never>

type HistoryRow = {
  record_type: 'person' | 'saas-user'
  record_id: string
  field: string
  old_value: string | null
  new_value: string | null
  run_id: string | null
  at: string
}

export function createHistoryRepo(db: Db) {
  const insert = db.prepare<HistoryRow>(
    `INSERT INTO record_history (record_type, record_id, field, old_value, new_value, run_id, at)
     VALUES (@record_type, @record_id, @field, @old_value, @new_value, @run_id, @at)`
  )
  const forRecord = db.prepare<[string, string, number], HistoryRow>(
    `SELECT record_type, record_id, field, old_value, new_value, run_id, at FROM record_history
     WHERE record_type = ? AND record_id = ? ORDER BY id DESC LIMIT ?`
  )
  return {
    append(entries: readonly HistoryInput[]): number {
      let n = 0
      for (const e of entries)
        n += insert.run({
          record_type: e.recordType,
          record_id: e.recordId,
          field: e.field,
          old_value: e.oldValue,
          new_value: e.newValue,
          run_id: e.runId,
          at: e.at
        }).changes
      return n
    },
    forRecord: (type: 'person' | 'saas-user', id: string, limit = 200): HistoryEntry[] =>
      forRecord.all(type, id, limit).map((r) => ({
        recordType: r.record_type,
        recordId: r.record_id,
        field: r.field,
        oldValue: r.old_value,
        newValue: r.new_value,
        runId: r.run_id,
        at: r.at
      }))
  }
}
export type HistoryRepo = ReturnType<typeof createHistoryRepo>

/** Last raw Webex person per id (for the mapping studio), and the store version for stale plans. */
export function createRawPeopleRepo(db: Db) {
  const hashes = db.prepare<[string], { webex_id: string; hash: string }>(
    'SELECT webex_id, hash FROM webex_people_raw WHERE webex_id IN (SELECT value FROM json_each(?))'
  )
  const upsert = db.prepare<{ webex_id: string; json: string; hash: string; run: string | null }>(
    `INSERT INTO webex_people_raw (webex_id, json, hash, last_seen_run)
     VALUES (@webex_id, @json, @hash, @run)
     ON CONFLICT (webex_id) DO UPDATE SET json = excluded.json, hash = excluded.hash,
       last_seen_run = excluded.last_seen_run
     WHERE webex_people_raw.hash <> excluded.hash`
  )
  const get = db.prepare<[string], { json: string }>(
    'SELECT json FROM webex_people_raw WHERE webex_id = ?'
  )
  const version = db.prepare<[], { value: number }>(
    "SELECT value FROM ingest_state WHERE key = 'store_version'"
  )
  const bump = db.prepare("UPDATE ingest_state SET value = value + 1 WHERE key = 'store_version'")
  return {
    hashesOf(ids: readonly string[]): Map<string, string> {
      if (ids.length === 0) return new Map()
      return new Map(hashes.all(JSON.stringify(ids)).map((r) => [r.webex_id, r.hash]))
    },
    /** Writes only when the hash differs (the ON CONFLICT … WHERE): returns rows changed. */
    save: (webexId: string, json: string, hash: string, runId: string | null) =>
      upsert.run({ webex_id: webexId, json, hash, run: runId }).changes,
    get: (webexId: string): string | null => get.get(webexId)?.json ?? null,
    storeVersion: () => version.get()?.value ?? 0,
    bumpStoreVersion: () => void bump.run()
  }
}
export type RawPeopleRepo = ReturnType<typeof createRawPeopleRepo>
