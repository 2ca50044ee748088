/**
 * v50: the run that created a record is a column of the record (`created_run_id`), not a
 * "(created)" row in record_history. A first ingest wrote one such row per person and per SaaS user
 * (200,000 rows for 100k people, ≈ 10 % of its time, docs/benchmarks.md round 5); the history of a
 * record now shows its creation from the record itself (history-repo.ts). Records created before
 * this version keep their stored "(created)" rows and have no created_run_id.
 */
import type { Migration } from './types'

export const m0050CreatedRun: Migration = {
  version: 50,
  name: 'created-run',
  up: (db) => {
    db.exec(`
      ALTER TABLE people ADD COLUMN created_run_id TEXT;
      ALTER TABLE saas_users ADD COLUMN created_run_id TEXT;
    `)
  }
}
