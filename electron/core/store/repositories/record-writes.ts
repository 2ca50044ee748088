/**
 * The INSERT and whole-row UPDATE of a record table (people, SaaS users) with positional parameters:
 * binding ~20 named parameters cost ~3 µs more per row, a noticeable part of a 100k-people ingest
 * (docs/benchmarks.md, round 4). The columns are listed once, in binding order.
 */
import type { Db } from '../db'

type Base = { id: string; now: string }

/**
 * `columns` must name every key of `P` but `id` and `now` (checked by the compiler through
 * `AllColumns`); `keepWhenNull` columns keep their stored value when written as null.
 */
export function createRecordWrites<P extends Base, C extends Exclude<keyof P, keyof Base> & string>(
  db: Db,
  table: 'people' | 'saas_users',
  columns: readonly C[] & AllColumns<P, C>,
  opts: { keepWhenNull: readonly C[]; alsoSetOnUpdate?: string }
) {
  const insert = db.prepare<unknown[]>(
    `INSERT INTO ${table} (id, ${columns.join(', ')}, created_run_id, created_at, updated_at)
     VALUES (?, ${columns.map(() => '?').join(', ')}, ?, ?, ?)`
  )
  const set = columns.map((c) =>
    opts.keepWhenNull.includes(c) ? `${c} = COALESCE(?, ${c})` : `${c} = ?`
  )
  if (opts.alsoSetOnUpdate) set.push(opts.alsoSetOnUpdate)
  const update = db.prepare<unknown[]>(
    `UPDATE ${table} SET ${set.join(', ')}, updated_at = ? WHERE id = ?`
  )
  const values = (p: P) => columns.map((c) => p[c])
  return {
    /** `createdRunId`: the run creating the record (its history shows the creation from it). */
    insert: (p: P, createdRunId: string | null): number =>
      insert.run(p.id, ...values(p), createdRunId, p.now, p.now).changes,
    update: (p: P): number => update.run(...values(p), p.now, p.id).changes
  }
}

/** `unknown` when `C` covers every written key of `P`, else a type no list satisfies. */
type AllColumns<P, C> = [Exclude<keyof P, keyof Base | C>] extends [never]
  ? unknown
  : { missingColumns: Exclude<keyof P, keyof Base | C> }
