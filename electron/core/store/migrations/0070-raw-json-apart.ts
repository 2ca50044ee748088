/**
 * v70: the raw Webex person's JSON moves out of `webex_people_raw` into `webex_people_json`, so the
 * row the unchanged fast path reads for every person (sync/unchanged-fast-path.ts) is ≈ 200 bytes of
 * ids and hashes, not 1.6 KB with the JSON: a 100k no-change re-sync read ≈ 40,000 leaf pages for its
 * test and now reads a few thousand (docs/benchmarks.md round 7).
 *
 * The JSON row is keyed by the raw row's `seq`, an explicit INTEGER PRIMARY KEY: a plain rowid may be
 * renumbered by VACUUM (and our backups are VACUUM INTO copies), `seq` may not. Both tables are
 * appended in ingest order, so a first sync adds no B-tree written at random besides the Webex ID's
 * unique index, which the table had before. Raw rows are never deleted, so the JSON row has no
 * foreign key to check on every insert.
 */
import { PLAN_STATE_TRIGGERS } from './0060-plan-state-triggers'
import type { Migration } from './types'

export const m0070RawJsonApart: Migration = {
  version: 70,
  name: 'raw-json-apart',
  up: (db) => {
    db.exec(`
      -- The 0060 triggers name webex_people_raw: out of the way while it is rebuilt.
      DROP TRIGGER people_forget_plan_on_update;
      DROP TRIGGER people_forget_plan_on_delete;
      DROP TRIGGER saas_users_forget_plan_on_update;
      DROP TRIGGER saas_users_forget_plan_on_delete;
      ALTER TABLE webex_people_raw RENAME TO webex_people_raw_v60;

      -- The last raw Webex person per id: its hash and the plan state (0020, 0060) here, its JSON
      -- in webex_people_json.
      CREATE TABLE webex_people_raw (
        seq INTEGER PRIMARY KEY,
        webex_id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        last_seen_run TEXT,
        plan_fp TEXT,
        person_hash TEXT,
        saas_hash TEXT
      ) STRICT;
      -- The person as Webex sent it (for the mapping studio), written only when its hash changed.
      CREATE TABLE webex_people_json (
        raw_seq INTEGER PRIMARY KEY,
        json TEXT NOT NULL
      ) STRICT;

      INSERT INTO webex_people_raw (seq, webex_id, hash, last_seen_run, plan_fp, person_hash, saas_hash)
        SELECT rowid, webex_id, hash, last_seen_run, plan_fp, person_hash, saas_hash
        FROM webex_people_raw_v60 ORDER BY rowid;
      INSERT INTO webex_people_json (raw_seq, json)
        SELECT rowid, json FROM webex_people_raw_v60 ORDER BY rowid;
      DROP TABLE webex_people_raw_v60;

      ${PLAN_STATE_TRIGGERS}
    `)
  }
}
