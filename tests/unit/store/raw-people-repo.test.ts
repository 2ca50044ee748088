/**
 * The raw people repository's save: a new person by plain INSERTs, a stored one by an upsert that
 * writes only what differs, and a person the caller wrongly thought new (another run stored it
 * meanwhile) updated, not failed.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import {
  createRawPeopleRepo,
  type RawSave
} from '../../../electron/core/store/repositories/history-repo'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()

const person = (over: Partial<RawSave> = {}): RawSave => ({
  webexId: 'wx-1',
  json: Buffer.from('{"id":"wx-1","displayName":"Zoë"}'),
  hash: 'h1',
  storedHash: null,
  runId: 'run-1',
  planFp: 'fp',
  personHash: 'P',
  saasHash: null,
  ...over
})

it('inserts a new person, rewrites only what changed, and recovers from a stale "new"', () => {
  const db = openDatabase(join(dir(), 'roster.db'))
  const raw = createRawPeopleRepo(db)
  const rows = db.prepare(
    `SELECT r.webex_id, r.hash, r.plan_fp, j.json FROM webex_people_raw r
     JOIN webex_people_json j ON j.raw_seq = r.seq ORDER BY r.seq`
  )
  expect(raw.save(person())).toBe(1)
  expect(rows.all()).toEqual([
    { webex_id: 'wx-1', hash: 'h1', plan_fp: 'fp', json: '{"id":"wx-1","displayName":"Zoë"}' }
  ])
  // Nothing differs: nothing written.
  expect(raw.save(person({ storedHash: 'h1' }))).toBe(0)
  // Only the plan state differs: the row, not the JSON (given as something else to prove it).
  expect(raw.save(person({ storedHash: 'h1', planFp: 'fp2', json: 'not written' }))).toBe(1)
  expect(raw.get('wx-1')).toBe('{"id":"wx-1","displayName":"Zoë"}')
  // New bytes: row and JSON.
  expect(raw.save(person({ storedHash: 'h1', hash: 'h2', json: '{"id":"wx-1"}' }))).toBe(1)
  expect(raw.get('wx-1')).toBe('{"id":"wx-1"}')
  // Thought new, but stored meanwhile: updated in place, JSON included, nothing thrown.
  expect(raw.save(person({ hash: 'h3', json: '{"id":"wx-1","v":3}' }))).toBe(1)
  expect(rows.all()).toEqual([
    { webex_id: 'wx-1', hash: 'h3', plan_fp: 'fp', json: '{"id":"wx-1","v":3}' }
  ])
  db.close()
})
