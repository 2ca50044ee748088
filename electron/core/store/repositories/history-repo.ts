/** Every field change of a record (record_history), and the raw Webex JSON side table. */
import type { HistoryEntry } from '../../../../shared/domain/person'
import type { Db } from '../db'
import { PLAN_STATE_HOLDS } from '../migrations/0060-plan-state-triggers'

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
  // Positional parameters: named ones cost ~0.3 µs each per row (record-writes.ts); a first ingest
  // writes a history row per record.
  const insert = db.prepare<
    [HistoryRow['record_type'], string, string, string | null, string | null, string | null, string]
  >(
    `INSERT INTO record_history (record_type, record_id, field, old_value, new_value, run_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  // Stored changes, newest first, then the creation: read off the record (created_run_id, 0050)
  // with the email it was created with (the old value of its first email change, if any). Records
  // created before 0050 have no created_run_id and a stored "(created)" row instead.
  const forRecord = db.prepare<{ type: string; id: string; limit: number }, HistoryRow>(
    `SELECT record_type, record_id, field, old_value, new_value, run_id, at FROM (
       SELECT id AS k, record_type, record_id, field, old_value, new_value, run_id, at
       FROM record_history WHERE record_type = @type AND record_id = @id
       UNION ALL
       SELECT 0, @type, r.id, '(created)', NULL,
         COALESCE((SELECT h.old_value FROM record_history h
                   WHERE h.record_type = @type AND h.record_id = @id AND h.field = 'email'
                   ORDER BY h.id LIMIT 1), r.email),
         r.created_run_id, r.created_at
       FROM (SELECT id, email, created_run_id, created_at FROM people
               WHERE @type = 'person' AND id = @id
             UNION ALL
             SELECT id, email, created_run_id, created_at FROM saas_users
               WHERE @type = 'saas-user' AND id = @id) r
       WHERE r.created_run_id IS NOT NULL
     ) ORDER BY k DESC LIMIT @limit`
  )
  return {
    append(entries: readonly HistoryInput[]): number {
      let n = 0
      for (const e of entries)
        n += insert.run(
          e.recordType,
          e.recordId,
          e.field,
          e.oldValue,
          e.newValue,
          e.runId,
          e.at
        ).changes
      return n
    },
    forRecord: (type: 'person' | 'saas-user', id: string, limit = 200): HistoryEntry[] =>
      forRecord.all({ type, id, limit }).map((r) => ({
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

/**
 * What the sync needs of a stored raw person it plans in full: its hash (are the bytes the same?) and
 * the integration that last wrote its person record (whose plan state it keeps). The fast-path test
 * itself is `knownUnchanged` below.
 */
export type RawPlanState = {
  webexId: string
  hash: string
  /** The person record's integration (the last one that wrote it). */
  personIntegrationId: string | null
}

type RawStateRow = { webex_id: string; hash: string; p_integration: string | null }

export type RawSave = {
  webexId: string
  /** The person's JSON, as text or as its UTF-8 bytes. */
  json: string | Uint8Array
  hash: string
  /**
   * The stored raw person's hash as the caller read it in this transaction, or null if it read none:
   * a new person is written with plain INSERTs (a first ingest's path), and a stored JSON with this
   * hash is not written again.
   */
  storedHash: string | null
  runId: string | null
  planFp: string | null
  personHash: string | null
  saasHash: string | null
}

/** A raw person's row (`r`) and its JSON (`j`): how the two tables of 0070 link, for every reader. */
export const RAW_WITH_JSON = 'webex_people_raw r JOIN webex_people_json j ON j.raw_seq = r.seq'

/** Last raw Webex person per id (for the mapping studio), and the store version for stale plans. */
export function createRawPeopleRepo(db: Db) {
  const states = db.prepare<[string], RawStateRow>(
    `SELECT r.webex_id, r.hash, p.integration_id AS p_integration
     FROM json_each(?) j
     JOIN webex_people_raw r ON r.webex_id = j.value
     LEFT JOIN people p ON p.webex_id = r.webex_id`
  )
  // The unchanged fast path's test (sync/unchanged-fast-path.ts), evaluated in SQLite so a page of
  // unchanged people costs one query and returns only their ids: same raw bytes (hash) and plan
  // fingerprint. That the records still carry the hashes that plan produced is kept true by the
  // schema's triggers (migrations/0060-plan-state-triggers.ts), so it is not looked up here.
  const unchanged = db
    .prepare<[string, string], string>(
      `SELECT r.webex_id FROM json_each(?) j
     JOIN webex_people_raw r ON r.webex_id = j.value ->> 0
     WHERE r.hash = j.value ->> 1 AND r.plan_fp = ?`
    )
    .pluck()
  const forget = db.prepare<[string]>(
    'UPDATE webex_people_raw SET plan_fp = NULL WHERE webex_id = ? AND plan_fp IS NOT NULL'
  )
  const stale = db
    .prepare<[], string>(
      `SELECT webex_id FROM webex_people_raw
     WHERE plan_fp IS NOT NULL AND NOT ${PLAN_STATE_HOLDS} ORDER BY webex_id`
    )
    .pluck()
  // Writes only when something differs (the ON CONFLICT … WHERE), so a row comes back only for a
  // real write. The JSON lives apart (migrations/0070-raw-json-apart.ts), keyed by the row's seq.
  const upsert = db.prepare<
    [string, string, string | null, string | null, string | null, string | null],
    { seq: number }
  >(
    `INSERT INTO webex_people_raw (webex_id, hash, last_seen_run, plan_fp, person_hash, saas_hash)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (webex_id) DO UPDATE SET hash = excluded.hash,
       last_seen_run = excluded.last_seen_run, plan_fp = excluded.plan_fp,
       person_hash = excluded.person_hash, saas_hash = excluded.saas_hash
     WHERE webex_people_raw.hash <> excluded.hash
       OR webex_people_raw.plan_fp IS NOT excluded.plan_fp
       OR webex_people_raw.person_hash IS NOT excluded.person_hash
       OR webex_people_raw.saas_hash IS NOT excluded.saas_hash
     RETURNING seq`
  )
  // The JSON may come as the UTF-8 bytes Webex sent: CAST stores them as the same text without
  // this thread decoding 1.4 KB per person into a string and better-sqlite3 encoding it back.
  const putJson = db.prepare<[number, string | Uint8Array]>(
    `INSERT INTO webex_people_json (raw_seq, json) VALUES (?, CAST(? AS TEXT))
     ON CONFLICT (raw_seq) DO UPDATE SET json = excluded.json`
  )
  const insert = db.prepare<
    [string, string, string | null, string | null, string | null, string | null]
  >(
    `INSERT INTO webex_people_raw (webex_id, hash, last_seen_run, plan_fp, person_hash, saas_hash)
     VALUES (?, ?, ?, ?, ?, ?)`
  )
  const insertJson = db.prepare<[number | bigint, string | Uint8Array]>(
    'INSERT INTO webex_people_json (raw_seq, json) VALUES (?, CAST(? AS TEXT))'
  )
  const get = db.prepare<[string], { json: string }>(
    `SELECT j.json FROM ${RAW_WITH_JSON} WHERE r.webex_id = ?`
  )
  const any = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM webex_people_raw)').pluck()
  const version = db.prepare<[], { value: number }>(
    "SELECT value FROM ingest_state WHERE key = 'store_version'"
  )
  const bump = db.prepare("UPDATE ingest_state SET value = value + 1 WHERE key = 'store_version'")
  return {
    statesOf(ids: readonly string[]): Map<string, RawPlanState> {
      const out = new Map<string, RawPlanState>()
      if (ids.length === 0) return out
      for (const r of states.all(JSON.stringify(ids)))
        out.set(r.webex_id, {
          webexId: r.webex_id,
          hash: r.hash,
          personIntegrationId: r.p_integration
        })
      return out
    },
    /** The ids of `items` (id and raw hash) known unchanged under `fingerprint` (see above). */
    knownUnchanged(
      items: readonly (readonly [string, string])[],
      fingerprint: string
    ): Set<string> {
      if (items.length === 0) return new Set()
      return new Set(unchanged.all(JSON.stringify(items), fingerprint))
    },
    /**
     * Writes the raw person and its plan state when any of it differs, and its JSON unless the
     * stored one has this hash: returns raw rows changed (0 or 1).
     */
    save: (r: RawSave): number => {
      const args = [r.webexId, r.hash, r.runId, r.planFp, r.personHash, r.saasHash] as const
      if (r.storedHash === null) {
        // The upsert's conflict check and RETURNING cost a first ingest ≈ 10 % of these writes.
        try {
          insertJson.run(insert.run(...args).lastInsertRowid, r.json)
          return 1
        } catch (e) {
          // Stored after all (another integration's run got there first): update it below.
          if ((e as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e
        }
      }
      const row = upsert.get(...args)
      if (!row) return 0
      if (r.storedHash !== r.hash) putJson.run(row.seq, r.json)
      return 1
    },
    /** Forgets a person's plan state: its records were not written as planned. */
    forgetPlan: (webexId: string) => void forget.run(webexId),
    /** Raw rows whose plan state no longer holds: always none (the triggers' invariant). */
    stalePlanStates: (): string[] => stale.all(),
    get: (webexId: string): string | null => get.get(webexId)?.json ?? null,
    isEmpty: (): boolean => any.get() === 0,
    storeVersion: () => version.get()?.value ?? 0,
    bumpStoreVersion: () => void bump.run()
  }
}
export type RawPeopleRepo = ReturnType<typeof createRawPeopleRepo>
