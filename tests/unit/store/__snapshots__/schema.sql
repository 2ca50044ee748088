-- user_version = 10

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

-- index sqlite_autoindex_app_meta_1
-- (automatic)

-- index sqlite_autoindex_credentials_1
-- (automatic)

-- index sqlite_autoindex_credentials_2
-- (automatic)
