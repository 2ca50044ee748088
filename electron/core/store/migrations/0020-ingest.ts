/**
 * v20: user ingest (issue 4): roles, integrations, person and SaaS user records, raw Webex JSON,
 * change history, runs (items, pages, held marks), the run lock and stored plans.
 *
 * Records carry an INTEGER `seq` primary key (the default list order) and a unique text `id` used
 * everywhere else. Record ids are time-ordered (sync/record-id.ts), so the id index, the history index
 * and the SaaS user's person_id index append at their end instead of splitting random B-tree pages.
 * Substring search reads `search_text` (the lower-cased searchable fields, written with the row) with
 * LIKE: a scan of 100k rows is ~50–100 ms, while FTS5 trigram tables cost every insert (round 2 of
 * docs/benchmarks.md).
 */
import type { Migration } from './types'

export const m0020Ingest: Migration = {
  version: 20,
  name: 'ingest',
  up: (db) => {
    db.exec(`
      CREATE TABLE roles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE integrations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        credential_id TEXT REFERENCES credentials(id) ON DELETE SET NULL,
        scope TEXT NOT NULL CHECK (scope IN ('user', 'user-and-saas')),
        preference TEXT NOT NULL CHECK (preference IN ('create-update', 'create-only', 'update-only')),
        schedule_json TEXT NOT NULL,
        sync_keys_json TEXT NOT NULL,
        filters_json TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        not_in_webex_threshold INTEGER,
        status TEXT NOT NULL CHECK (status IN ('draft', 'launched')),
        last_scheduled_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Bumped in every transaction that changes a record: a stored plan is stale once it moved.
      CREATE TABLE ingest_state (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO ingest_state (key, value) VALUES ('store_version', 0);

      CREATE TABLE people (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        username TEXT,
        email TEXT,
        display_name TEXT,
        first_name TEXT,
        last_name TEXT,
        role TEXT,
        webex_id TEXT,
        webex_org_id TEXT,
        webex_status TEXT,
        webex_type TEXT,
        webex_created TEXT,
        webex_last_modified TEXT,
        invite_pending INTEGER,
        sync_time TEXT,
        custom_json TEXT NOT NULL DEFAULT '{}',
        values_hash TEXT NOT NULL,
        integration_id TEXT,
        -- lower(email, display name, username) for substring search (records-query.ts).
        search_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX people_webex_id ON people (webex_id) WHERE webex_id IS NOT NULL;
      -- Only the indexes matching needs (sync keys email and username). Each index on a random key
      -- dirties pages all over its B-tree on every page of a sync, which dominated ingest time
      -- (docs/benchmarks.md); sorts and filters on other columns scan 100k rows in well under the
      -- 150 ms budget, and the default list order is seq.
      CREATE INDEX people_email ON people (email COLLATE NOCASE);
      CREATE INDEX people_username ON people (username COLLATE NOCASE);

      CREATE TABLE saas_users (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
        app TEXT NOT NULL DEFAULT 'webex',
        webex_id TEXT NOT NULL UNIQUE,
        email TEXT,
        display_name TEXT,
        roles_json TEXT NOT NULL DEFAULT '[]',
        status TEXT,
        last_activity TEXT,
        licenses_json TEXT NOT NULL DEFAULT '[]',
        invite_pending INTEGER,
        login_enabled INTEGER,
        type TEXT,
        not_in_webex INTEGER NOT NULL DEFAULT 0,
        not_in_webex_since TEXT,
        values_hash TEXT NOT NULL,
        sync_time TEXT,
        integration_id TEXT,
        -- lower(email, display name) for substring search (records-query.ts).
        search_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- A person's linked account is found by person_id; SaaS users are matched by webex_id.
      CREATE INDEX saas_users_person ON saas_users (person_id);

      -- The last raw Webex person per id, for the mapping studio; written only when its hash changed.
      -- plan_fp / person_hash / saas_hash: the integration config fingerprint this raw person was last
      -- planned with and the record hashes that plan produced. When the raw hash and the fingerprint
      -- still match and the records still carry those hashes, the person is unchanged without being
      -- mapped again (sync/unchanged-fast-path.ts).
      CREATE TABLE webex_people_raw (
        webex_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        hash TEXT NOT NULL,
        last_seen_run TEXT,
        plan_fp TEXT,
        person_hash TEXT,
        saas_hash TEXT
      ) STRICT;

      CREATE TABLE record_history (
        id INTEGER PRIMARY KEY,
        record_type TEXT NOT NULL CHECK (record_type IN ('person', 'saas-user')),
        record_id TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT,
        run_id TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX record_history_record ON record_history (record_type, record_id, id);

      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        integration_id TEXT NOT NULL,
        integration_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sync', 'preview', 'apply')),
        trigger TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'succeeded-with-warnings',
          'failed', 'interrupted', 'cancelled')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        heartbeat_at TEXT NOT NULL,
        created INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        pages_read INTEGER NOT NULL DEFAULT 0,
        records_written INTEGER NOT NULL DEFAULT 0,
        message TEXT,
        listing_complete INTEGER NOT NULL DEFAULT 0,
        listing_end TEXT,
        not_in_webex_marked INTEGER NOT NULL DEFAULT 0,
        held_marks INTEGER NOT NULL DEFAULT 0,
        held_allowed_at TEXT,
        resumed_from_run_id TEXT,
        checkpoint_next_url TEXT,
        checkpoint_pages INTEGER NOT NULL DEFAULT 0,
        page_size INTEGER NOT NULL DEFAULT 0,
        plan_id TEXT,
        tracking_ids_json TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX runs_integration ON runs (integration_id, started_at);
      CREATE INDEX runs_started ON runs (started_at);
      CREATE INDEX runs_status ON runs (status);

      CREATE TABLE run_items (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('skipped', 'failed')),
        webex_id TEXT,
        email TEXT,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) STRICT;

      CREATE TABLE run_pages (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        page_number INTEGER NOT NULL,
        items INTEGER NOT NULL,
        page_size INTEGER NOT NULL,
        fetch_ms REAL NOT NULL,
        write_ms REAL NOT NULL,
        written INTEGER NOT NULL,
        tracking_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (run_id, page_number)
      ) STRICT;

      CREATE TABLE run_held_marks (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        saas_user_id TEXT NOT NULL,
        PRIMARY KEY (run_id, saas_user_id)
      ) STRICT;

      -- One run per integration at a time; a stale heartbeat means the owner died.
      CREATE TABLE run_lock (
        integration_id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        integration_id TEXT NOT NULL,
        run_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ready', 'applied', 'stale', 'failed')),
        store_version INTEGER NOT NULL,
        config_hash TEXT NOT NULL,
        created INTEGER NOT NULL DEFAULT 0,
        updated INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        not_in_webex INTEGER NOT NULL DEFAULT 0,
        not_in_webex_held INTEGER NOT NULL DEFAULT 0,
        listing_complete INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        applied_at TEXT
      ) STRICT;
      CREATE INDEX plans_integration ON plans (integration_id, created_at);

      CREATE TABLE plan_items (
        plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        webex_id TEXT,
        email TEXT,
        display_name TEXT,
        reason TEXT,
        diff_json TEXT NOT NULL DEFAULT '[]',
        -- What Apply writes: the mapped person and SaaS values, and the raw person.
        payload_json TEXT,
        PRIMARY KEY (plan_id, seq)
      ) STRICT;
      CREATE INDEX plan_items_action ON plan_items (plan_id, action, seq);
    `)
    const insertRole = db.prepare('INSERT INTO roles (id, name, created_at) VALUES (?, ?, ?)')
    const now = new Date().toISOString()
    for (const [i, name] of ['Employee', 'Contractor', 'Administrator'].entries())
      insertRole.run(`seed-role-${i + 1}`, name, now)
  }
}
