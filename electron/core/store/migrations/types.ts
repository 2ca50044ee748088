import type Database from 'better-sqlite3'

/**
 * One schema step. Versions grow by 10 so a fix can slot in between. A released migration is never
 * edited: change the schema with a new one (the schema snapshot test catches silent edits).
 * `up` runs inside the migration transaction: synchronous, no await, no VACUUM, no journal_mode.
 */
export type Migration = {
  readonly version: number
  readonly name: string
  readonly up: (db: Database.Database) => void
}
