/**
 * v60 → v70 on a real file: the raw people keep their hash and plan state, their JSON moves to
 * webex_people_json under the row's seq, and the plan-state triggers still fire on the new table.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/store/migrations'
import { createRawPeopleRepo } from '../../../electron/core/store/repositories/history-repo'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()
const V60 = MIGRATIONS.filter((m) => m.version <= 60)

it('moves the raw JSON apart, keeping every raw row, its plan state and the triggers', () => {
  expect(V60.at(-1)?.version).toBe(60)
  const file = join(dir(), 'roster.db')
  const old = openDatabase(file, { migrations: V60 })
  old
    .prepare(
      `INSERT INTO people (id, webex_id, values_hash, created_at, updated_at)
       VALUES ('p1', 'wx-1', 'P', '2026-01-01', '2026-01-01')`
    )
    .run()
  const raw = old.prepare(
    `INSERT INTO webex_people_raw (webex_id, json, hash, last_seen_run, plan_fp, person_hash)
     VALUES (?, ?, ?, 'run-1', ?, ?)`
  )
  raw.run('wx-1', '{"id":"wx-1","displayName":"Zoë"}', 'h1', 'fp', 'P')
  raw.run('wx-2', '{"id":"wx-2"}', 'h2', null, null)
  old.close()

  const db = openDatabase(file)
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
  expect(
    db
      .prepare(
        `SELECT r.webex_id, r.hash, r.last_seen_run, r.plan_fp, r.person_hash, j.json
         FROM webex_people_raw r JOIN webex_people_json j ON j.raw_seq = r.seq ORDER BY r.seq`
      )
      .all()
  ).toEqual([
    {
      webex_id: 'wx-1',
      hash: 'h1',
      last_seen_run: 'run-1',
      plan_fp: 'fp',
      person_hash: 'P',
      json: '{"id":"wx-1","displayName":"Zoë"}'
    },
    {
      webex_id: 'wx-2',
      hash: 'h2',
      last_seen_run: 'run-1',
      plan_fp: null,
      person_hash: null,
      json: '{"id":"wx-2"}'
    }
  ])
  const repo = createRawPeopleRepo(db)
  expect(repo.get('wx-1')).toBe('{"id":"wx-1","displayName":"Zoë"}')
  expect(repo.knownUnchanged([['wx-1', 'h1']], 'fp')).toEqual(new Set(['wx-1']))
  // The trigger fires on the rebuilt table: the record moved, so the plan state is forgotten.
  db.prepare("UPDATE people SET values_hash = 'P2' WHERE id = 'p1'").run()
  expect(repo.knownUnchanged([['wx-1', 'h1']], 'fp')).toEqual(new Set())
  expect(repo.stalePlanStates()).toEqual([])
  expect(db.pragma('foreign_key_check')).toEqual([])
  db.close()
})
