-- user_version = 70

-- table api_fields
CREATE TABLE api_fields (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        expression TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table app_meta
CREATE TABLE app_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

-- table audit_log
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      ) STRICT;

-- table credentials
CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        owner TEXT NOT NULL DEFAULT '',
        auth_type TEXT NOT NULL CHECK (auth_type IN ('oauth', 'token')),
        client_id TEXT,
        scopes TEXT NOT NULL DEFAULT '',
        redirect_port INTEGER NOT NULL,
        base_url TEXT NOT NULL,
        is_demo INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        authorized_person_id TEXT,
        authorized_name TEXT,
        authorized_email TEXT,
        authorized_org_id TEXT,
        authorized_org_name TEXT,
        authorized_is_admin INTEGER,
        access_expires_at TEXT,
        refresh_expires_at TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table custom_fields
CREATE TABLE custom_fields (
        key TEXT PRIMARY KEY,
        label TEXT NOT NULL UNIQUE COLLATE NOCASE,
        type TEXT NOT NULL CHECK (type IN ('text', 'long-text', 'number', 'date', 'date-time',
          'boolean', 'choice')),
        options_json TEXT NOT NULL DEFAULT '[]',
        is_unique INTEGER NOT NULL DEFAULT 0 CHECK (is_unique IN (0, 1)),
        record TEXT NOT NULL CHECK (record IN ('person', 'saas-user')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

-- table ingest_state
CREATE TABLE ingest_state (
        key TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;

-- table integrations
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

-- table people
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
      , created_run_id TEXT) STRICT;

-- index people_email
CREATE INDEX people_email ON people (email COLLATE NOCASE);

-- trigger people_forget_plan_on_delete
CREATE TRIGGER people_forget_plan_on_delete
      AFTER DELETE ON people
      WHEN OLD.webex_id IS NOT NULL
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL;
      END;

-- trigger people_forget_plan_on_update
CREATE TRIGGER people_forget_plan_on_update
      AFTER UPDATE OF values_hash, webex_id, id ON people
      WHEN OLD.webex_id IS NOT NULL
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL
          AND (OLD.webex_id IS NOT NEW.webex_id OR OLD.id IS NOT NEW.id
            OR person_hash IS NOT NEW.values_hash);
      END;

-- index people_username
CREATE INDEX people_username ON people (username COLLATE NOCASE);

-- index people_webex_id
CREATE UNIQUE INDEX people_webex_id ON people (webex_id) WHERE webex_id IS NOT NULL;

-- table plan_items
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

-- index plan_items_action
CREATE INDEX plan_items_action ON plan_items (plan_id, action, seq);

-- table plans
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

-- index plans_integration
CREATE INDEX plans_integration ON plans (integration_id, created_at);

-- table record_history
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

-- index record_history_record
CREATE INDEX record_history_record ON record_history (record_type, record_id, id);

-- table roles
CREATE TABLE roles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      ) STRICT;

-- table run_held_marks
CREATE TABLE run_held_marks (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        saas_user_id TEXT NOT NULL,
        PRIMARY KEY (run_id, saas_user_id)
      ) STRICT;

-- table run_items
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

-- table run_lock
CREATE TABLE run_lock (
        integration_id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        heartbeat_at TEXT NOT NULL
      ) STRICT;

-- table run_pages
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

-- table runs
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

-- index runs_integration
CREATE INDEX runs_integration ON runs (integration_id, started_at);

-- index runs_started
CREATE INDEX runs_started ON runs (started_at);

-- index runs_status
CREATE INDEX runs_status ON runs (status);

-- table saas_users
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
      , custom_json TEXT NOT NULL DEFAULT '{}', created_run_id TEXT) STRICT;

-- trigger saas_users_forget_plan_on_delete
CREATE TRIGGER saas_users_forget_plan_on_delete
      AFTER DELETE ON saas_users
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL AND saas_hash IS NOT NULL;
      END;

-- trigger saas_users_forget_plan_on_update
CREATE TRIGGER saas_users_forget_plan_on_update
      AFTER UPDATE OF values_hash, not_in_webex, person_id, webex_id ON saas_users
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL AND saas_hash IS NOT NULL
          AND (OLD.webex_id IS NOT NEW.webex_id OR NEW.not_in_webex <> 0
            OR saas_hash IS NOT NEW.values_hash
            OR NEW.person_id IS NOT (SELECT id FROM people WHERE webex_id = NEW.webex_id));
      END;

-- index saas_users_person
CREATE INDEX saas_users_person ON saas_users (person_id);

-- index sqlite_autoindex_api_fields_1
-- (automatic)

-- index sqlite_autoindex_api_fields_2
-- (automatic)

-- index sqlite_autoindex_app_meta_1
-- (automatic)

-- index sqlite_autoindex_credentials_1
-- (automatic)

-- index sqlite_autoindex_credentials_2
-- (automatic)

-- index sqlite_autoindex_custom_fields_1
-- (automatic)

-- index sqlite_autoindex_custom_fields_2
-- (automatic)

-- index sqlite_autoindex_ingest_state_1
-- (automatic)

-- index sqlite_autoindex_integrations_1
-- (automatic)

-- index sqlite_autoindex_integrations_2
-- (automatic)

-- index sqlite_autoindex_people_1
-- (automatic)

-- index sqlite_autoindex_plan_items_1
-- (automatic)

-- index sqlite_autoindex_plans_1
-- (automatic)

-- index sqlite_autoindex_roles_1
-- (automatic)

-- index sqlite_autoindex_roles_2
-- (automatic)

-- index sqlite_autoindex_run_held_marks_1
-- (automatic)

-- index sqlite_autoindex_run_items_1
-- (automatic)

-- index sqlite_autoindex_run_lock_1
-- (automatic)

-- index sqlite_autoindex_run_pages_1
-- (automatic)

-- index sqlite_autoindex_runs_1
-- (automatic)

-- index sqlite_autoindex_saas_users_1
-- (automatic)

-- index sqlite_autoindex_saas_users_2
-- (automatic)

-- index sqlite_autoindex_webex_people_raw_1
-- (automatic)

-- table webex_people_json
CREATE TABLE webex_people_json (
        raw_seq INTEGER PRIMARY KEY,
        json TEXT NOT NULL
      ) STRICT;

-- table webex_people_raw
CREATE TABLE webex_people_raw (
        seq INTEGER PRIMARY KEY,
        webex_id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        last_seen_run TEXT,
        plan_fp TEXT,
        person_hash TEXT,
        saas_hash TEXT
      ) STRICT;
