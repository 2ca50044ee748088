/**
 * v30: the mapping studio (issue 5): custom target fields and the admin's custom API fields.
 * Custom person field values stay in `people.custom_json` (0020) under the field's stable key, so no
 * value table is needed; renaming a field changes its label only.
 */
import type { Migration } from './types'

export const m0030CustomFields: Migration = {
  version: 30,
  name: 'custom-fields',
  up: (db) => {
    db.exec(`
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

      CREATE TABLE api_fields (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        expression TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
