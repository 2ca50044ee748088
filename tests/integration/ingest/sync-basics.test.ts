/**
 * First sync, no-change re-sync (zero rows written), updates with history, renames by Webex ID, and
 * a record's creation in its history (read off the record, not stored as a history row).
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/host/core'
import { startIngestHarness, type IngestHarness } from './ingest-harness'
import { serializePerson } from '../../../electron/webex-sim/routes/serialize'

let h: IngestHarness
afterEach(async () => {
  await h.close()
})

describe('sync', () => {
  it('loads every Webex person with a linked SaaS user record, then re-syncs with zero writes', async () => {
    h = await startIngestHarness({ users: 40, maxPageSize: 7 })
    const i = await h.integration()
    const first = await h.sync(i.id)
    expect(first.status).toBe('succeeded')
    const total = h.sim.org.count()
    expect(first.counts).toEqual({
      created: total,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0
    })
    expect(first.pagesRead).toBe(Math.ceil(total / 7))
    const db = h.db()
    expect(db.prepare('SELECT count(*) n FROM people').get()).toEqual({ n: total })
    expect(
      db.prepare('SELECT count(*) n FROM saas_users WHERE person_id IS NOT NULL').get()
    ).toEqual({ n: total })
    expect(db.prepare('SELECT count(*) n FROM webex_people_raw').get()).toEqual({ n: total })
    // The raw JSON is stored as the text Webex sent (bound as its UTF-8 bytes), accents and all.
    const raws = db
      .prepare(
        `SELECT r.webex_id, j.json, typeof(j.json) AS t
         FROM webex_people_raw r JOIN webex_people_json j ON j.raw_seq = r.seq`
      )
      .all() as {
      webex_id: string
      json: string
      t: string
    }[]
    for (const r of raws) {
      expect(r.t).toBe('text')
      expect(r.json).toBe(serializePerson(h.sim.org.get(r.webex_id)!))
    }
    expect(raws.some((r) => Buffer.byteLength(r.json) > r.json.length)).toBe(true)
    // The stamped sync time and the mandatory mappings.
    const someone = h.sim.org.all()[3]!
    const row = db.prepare('SELECT * FROM people WHERE webex_id = ?').get(someone.id) as Record<
      string,
      unknown
    >
    expect(row.username).toBe(someone.emails![0]!.toLowerCase())
    expect(row.email).toBe(someone.emails![0]!.toLowerCase())
    expect(row.role).toBe('Employee')
    expect(row.sync_time).toBe(first.startedAt)

    const before = db.prepare('SELECT max(updated_at) m, total_changes() t FROM people').get()
    const second = await h.sync(i.id)
    expect(second.status).toBe('succeeded')
    expect(second.counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: total,
      skipped: 0,
      failed: 0
    })
    const detail = await h.call('runs:get', { id: second.id })
    expect(detail.pages.reduce((n, p) => n + p.written, 0)).toBe(0)
    expect(db.prepare('SELECT max(updated_at) m, total_changes() t FROM people').get()).toEqual(
      before
    )
    expect(
      db.prepare('SELECT count(*) n FROM record_history WHERE run_id = ?').get(second.id)
    ).toEqual({ n: 0 })
  })

  it('updates changed fields with history, and a changed email updates the same person', async () => {
    h = await startIngestHarness({ users: 30 })
    const i = await h.integration()
    await h.sync(i.id)
    const [a, b] = h.sim.org.all().filter((p) => p.type === 'person')
    h.sim.org.update(a!.id, { displayName: 'Renamed Person', lastName: 'Renamed' })
    h.sim.org.update(b!.id, { emails: ['new.address@example.com'] })
    const run = await h.sync(i.id)
    expect(run.counts.updated).toBe(2)
    expect(run.counts.created).toBe(0)
    const db = h.db()
    expect(db.prepare('SELECT count(*) n FROM people').get()).toEqual({ n: h.sim.org.count() })
    const moved = db.prepare('SELECT * FROM people WHERE webex_id = ?').get(b!.id) as Record<
      string,
      unknown
    >
    expect(moved.email).toBe('new.address@example.com')
    expect(moved.sync_time).toBe(run.startedAt)
    const list = await h.call('people:list', { search: 'new.address', limit: 10 })
    expect(list.total).toBe(1)
    const detail = await h.call('people:get', { id: list.rows[0]!.id })
    expect(detail.saasUser?.webexId).toBe(b!.id)
    expect(detail.history.find((e) => e.field === 'email')).toMatchObject({
      oldValue: b!.emails![0]!.toLowerCase(),
      newValue: 'new.address@example.com',
      runId: run.id
    })
    const renamed = db.prepare('SELECT display_name FROM people WHERE webex_id = ?').get(a!.id)
    expect(renamed).toEqual({ display_name: 'Renamed Person' })
  })

  it("shows each record's creation in its history, with the email it was created with", async () => {
    h = await startIngestHarness({ users: 20 })
    const i = await h.integration()
    const first = await h.sync(i.id)
    const db = h.db()
    // A first ingest writes no history row: creation is a column of the record.
    expect(
      db.prepare('SELECT count(*) n FROM record_history WHERE run_id = ?').get(first.id)
    ).toEqual({ n: 0 })
    const [b] = h.sim.org.all().filter((p) => p.type === 'person')
    const oldEmail = b!.emails![0]!.toLowerCase()
    h.sim.org.update(b!.id, { emails: ['moved@example.com'] })
    const second = await h.sync(i.id)
    const row = db.prepare('SELECT id FROM people WHERE webex_id = ?').get(b!.id) as { id: string }
    const person = await h.call('people:get', { id: row.id })
    const created = { field: '(created)', oldValue: null, runId: first.id }
    // Newest first: this run's field changes, then the creation, last.
    expect(person.history.find((e) => e.field === 'email')).toMatchObject({
      newValue: 'moved@example.com',
      runId: second.id
    })
    expect(person.history.filter((e) => e.field === '(created)')).toHaveLength(1)
    expect(person.history.at(-1)).toMatchObject({ ...created, newValue: oldEmail })
    const saas = await h.call('saas-users:get', { id: person.saasUser!.id })
    expect(saas.history.at(-1)).toMatchObject({ ...created, newValue: oldEmail })
  })

  it('shows a stored "(created)" row of a record created before creation became a column', async () => {
    h = await startIngestHarness({ users: 5 })
    const i = await h.integration()
    const first = await h.sync(i.id)
    // A writable connection of the test's own, beside the core's (WAL).
    const db = new Database(join(h.dir, DATABASE_FILE))
    const row = db.prepare('SELECT id, email, created_at FROM people LIMIT 1').get() as {
      id: string
      email: string
      created_at: string
    }
    // What a pre-0050 store holds: no created_run_id, a "(created)" history row.
    db.prepare('UPDATE people SET created_run_id = NULL WHERE id = ?').run(row.id)
    db.prepare(
      `INSERT INTO record_history (record_type, record_id, field, old_value, new_value, run_id, at)
       VALUES ('person', ?, '(created)', NULL, ?, ?, ?)`
    ).run(row.id, row.email, first.id, row.created_at)
    db.close()
    const person = await h.call('people:get', { id: row.id })
    expect(person.history).toEqual([
      {
        recordType: 'person',
        recordId: row.id,
        field: '(created)',
        oldValue: null,
        newValue: row.email,
        runId: first.id,
        at: row.created_at
      }
    ])
  })
})
