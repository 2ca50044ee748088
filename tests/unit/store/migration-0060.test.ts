/**
 * v50 → v60 on a real file: a raw row's plan state that no longer matches its records (which the
 * v50 fast path checked on every read) is forgotten, a true one is kept, and from then on the
 * triggers keep them true.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/store/migrations'
import { createRawPeopleRepo } from '../../../electron/core/store/repositories/history-repo'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()
const V50 = MIGRATIONS.filter((m) => m.version <= 50)

it('forgets the plan states that no longer hold, keeps the rest, and keeps them true after', () => {
  expect(V50.at(-1)?.version).toBe(50)
  const file = join(dir(), 'roster.db')
  const old = openDatabase(file, { migrations: V50 })
  const person = old.prepare(
    `INSERT INTO people (id, webex_id, values_hash, created_at, updated_at)
     VALUES (?, ?, ?, '2026-01-01', '2026-01-01')`
  )
  const saas = old.prepare(
    `INSERT INTO saas_users (id, person_id, webex_id, values_hash, not_in_webex, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')`
  )
  const raw = old.prepare(
    `INSERT INTO webex_people_raw (webex_id, json, hash, plan_fp, person_hash, saas_hash)
     VALUES (?, '{}', 'h', 'fp', ?, ?)`
  )
  // ok: both records carry the planned hashes, linked. ok-user-only: no SaaS user was planned.
  person.run('p-ok', 'wx-ok', 'P')
  saas.run('s-ok', 'p-ok', 'wx-ok', 'S', 0)
  raw.run('wx-ok', 'P', 'S')
  person.run('p-user', 'wx-user', 'P')
  raw.run('wx-user', 'P', null)
  // Stale: the person's hash moved; the SaaS user is "not in Webex"; unlinked; no records at all.
  person.run('p-hash', 'wx-hash', 'P2')
  raw.run('wx-hash', 'P', null)
  person.run('p-gone', 'wx-gone', 'P')
  saas.run('s-gone', 'p-gone', 'wx-gone', 'S', 1)
  raw.run('wx-gone', 'P', 'S')
  person.run('p-unlinked', 'wx-unlinked', 'P')
  saas.run('s-unlinked', null, 'wx-unlinked', 'S', 0)
  raw.run('wx-unlinked', 'P', 'S')
  raw.run('wx-none', 'P', null)
  old.close()

  const db = openDatabase(file)
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
  const planned = db
    .prepare('SELECT webex_id FROM webex_people_raw WHERE plan_fp IS NOT NULL ORDER BY webex_id')
    .pluck()
  expect(planned.all()).toEqual(['wx-ok', 'wx-user'])
  const repo = createRawPeopleRepo(db)
  expect(repo.stalePlanStates()).toEqual([])

  // A write that keeps the state true forgets nothing; one that breaks it forgets that row only.
  db.prepare("UPDATE people SET values_hash = 'P' WHERE id = 'p-ok'").run()
  expect(planned.all()).toEqual(['wx-ok', 'wx-user'])
  db.prepare("UPDATE saas_users SET values_hash = 'S2' WHERE id = 's-ok'").run()
  expect(planned.all()).toEqual(['wx-user'])
  db.prepare("DELETE FROM people WHERE id = 'p-user'").run()
  expect(planned.all()).toEqual([])
  expect(repo.stalePlanStates()).toEqual([])
  db.close()
})
