/**
 * v10: settings, credentials and the audit log. Credentials hold who and where, never a secret:
 * client secrets and tokens live only in the OS keychain (security.md S14).
 */
import type { Migration } from './types'

export const m0010Foundation: Migration = {
  version: 10,
  name: 'foundation',
  up: (db) => {
    db.exec(`
      CREATE TABLE app_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

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

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT
      ) STRICT;
    `)
  }
}
