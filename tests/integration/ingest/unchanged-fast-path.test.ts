/**
 * The unchanged fast path (sync/unchanged-fast-path.ts) must never hide a change: a record whose hash
 * no longer matches what the last plan produced, or a SaaS user marked "not in Webex", is planned in
 * full again on the next re-sync. Its query trusts the raw row's plan state, which the schema's
 * triggers keep true (migrations/0060-plan-state-triggers.ts): `stalePlanStates()` is the old
 * record-by-record check, and must find nothing after any write.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import { createRawPeopleRepo } from '../../../electron/core/store/repositories/history-repo'
import { serializePerson } from '../../../electron/webex-sim/routes/serialize'
import { startIngestHarness, type IngestHarness } from './ingest-harness'

let h: IngestHarness
afterEach(async () => {
  await h.close()
})

describe('unchanged fast path', () => {
  it('re-plans a person whose stored record changed outside the sync', async () => {
    h = await startIngestHarness({ users: 12, maxPageSize: 5 })
    const i = await h.integration()
    await h.sync(i.id)
    const db = h.db()
    // A second writer stands in for anything else that changes records (an applied plan, an edit).
    const writer = new Database(db.name)
    const [a, b] = db.prepare('SELECT id, webex_id FROM people ORDER BY seq LIMIT 2').all() as {
      id: string
      webex_id: string
    }[]
    writer.prepare("UPDATE people SET values_hash = 'tampered' WHERE id = ?").run(a?.id)
    writer.prepare('UPDATE saas_users SET not_in_webex = 1 WHERE webex_id = ?').run(b?.webex_id)
    writer.close()
    const again = await h.sync(i.id)
    expect(again.counts).toMatchObject({ updated: 2, unchanged: h.sim.org.count() - 2 })
    const restored = db.prepare('SELECT not_in_webex n FROM saas_users WHERE webex_id = ?')
    expect(restored.get(b?.webex_id)).toEqual({ n: 0 })
    const third = await h.sync(i.id)
    expect(third.counts).toMatchObject({ updated: 0, unchanged: h.sim.org.count() })
    const detail = await h.call('runs:get', { id: third.id })
    expect(detail.pages.reduce((n, p) => n + p.written, 0)).toBe(0)
  })

  it('re-plans a SaaS user record changed or unlinked, and a deleted person record', async () => {
    h = await startIngestHarness({ users: 12, maxPageSize: 5 })
    const i = await h.integration()
    await h.sync(i.id)
    const db = h.db()
    const writer = new Database(db.name)
    const rows = db.prepare('SELECT id, webex_id FROM people ORDER BY seq LIMIT 3').all() as {
      id: string
      webex_id: string
    }[]
    const [a, b, c] = rows
    writer
      .prepare("UPDATE saas_users SET values_hash = 'tampered' WHERE webex_id = ?")
      .run(a?.webex_id)
    writer.prepare('UPDATE saas_users SET person_id = NULL WHERE webex_id = ?').run(b?.webex_id)
    writer.prepare('DELETE FROM people WHERE id = ?').run(c?.id)
    writer.close()
    const again = await h.sync(i.id)
    // The deleted person is created again; the two SaaS user records are updated back.
    expect(again.counts).toMatchObject({
      created: 1,
      updated: 2,
      unchanged: h.sim.org.count() - 3
    })
    const link = db.prepare(
      'SELECT s.person_id = p.id AS linked FROM saas_users s JOIN people p ON p.webex_id = s.webex_id WHERE s.webex_id = ?'
    )
    for (const r of rows) expect(link.get(r.webex_id)).toEqual({ linked: 1 })
    const third = await h.sync(i.id)
    expect(third.counts).toMatchObject({ created: 0, updated: 0, unchanged: h.sim.org.count() })
  })

  it('plans everyone in full again under another configuration, writing no record', async () => {
    h = await startIngestHarness({ users: 12, maxPageSize: 5 })
    const i = await h.integration()
    await h.sync(i.id)
    const db = h.db()
    const fps = db.prepare('SELECT DISTINCT plan_fp AS fp FROM webex_people_raw').pluck()
    const before = fps.all()
    expect(before).toHaveLength(1)
    await h.call('integrations:update', { id: i.id, preference: 'update-only' })
    const again = await h.sync(i.id)
    expect(again.counts).toMatchObject({ updated: 0, created: 0, unchanged: h.sim.org.count() })
    // Everyone was planned under the new configuration (their plan state moved to it)...
    const after = fps.all()
    expect(after).toHaveLength(1)
    expect(after).not.toEqual(before)
    // ...and no record was written.
    const touched = db.prepare('SELECT count(*) n FROM people WHERE updated_at > created_at')
    expect(touched.get()).toEqual({ n: 0 })
  })

  it('forgets the plan state of a record that could not be saved, and plans it in full next time', async () => {
    h = await startIngestHarness({ users: 12, maxPageSize: 5 })
    const i = await h.integration()
    await h.sync(i.id)
    const target = h.sim.org.all()[3]!
    h.sim.org.update(target.id, { displayName: 'Renamed Person' })
    const writer = openDatabase(h.db().name)
    // A constraint that rejects this one update: the page is redone record by record.
    writer.exec(`CREATE TRIGGER test_reject BEFORE UPDATE OF values_hash ON people
      WHEN NEW.webex_id = '${target.id}' BEGIN SELECT RAISE(ABORT, 'rejected for the test'); END`)
    const failed = await h.sync(i.id)
    expect(failed.counts).toMatchObject({ failed: 1, updated: 0 })
    const raw = createRawPeopleRepo(writer)
    expect(raw.stalePlanStates()).toEqual([])
    writer.exec('DROP TRIGGER test_reject')
    const again = await h.sync(i.id)
    expect(again.counts).toMatchObject({ failed: 0, updated: 1 })
    const name = h.db().prepare('SELECT display_name d FROM people WHERE webex_id = ?')
    expect(name.get(target.id)).toEqual({ d: 'Renamed Person' })
    writer.close()
  })

  it('keeps every plan state true through random writes to records and to Webex', async () => {
    h = await startIngestHarness({ users: 30, maxPageSize: 7 })
    const i = await h.integration()
    await h.sync(i.id)
    const writer = openDatabase(h.db().name)
    const raw = createRawPeopleRepo(writer)
    const planned = writer
      .prepare('SELECT count(*) FROM webex_people_raw WHERE plan_fp IS NOT NULL')
      .pluck()
    // A small seeded generator: a failure names the seed and replays the same writes.
    let seed = 20261129
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const pick = <T>(xs: readonly T[]): T => xs[rand(xs.length)]!
    const ids = () =>
      writer
        .prepare('SELECT webex_id FROM people WHERE webex_id IS NOT NULL')
        .pluck()
        .all() as string[]
    const edits: ((id: string) => void)[] = [
      (id) => writer.prepare("UPDATE people SET values_hash = 'edited' WHERE webex_id = ?").run(id),
      // Writing the same hash back changes nothing the plan relied on.
      (id) =>
        writer.prepare('UPDATE people SET values_hash = values_hash WHERE webex_id = ?').run(id),
      (id) =>
        writer
          .prepare("UPDATE people SET webex_id = 'moved-' || webex_id WHERE webex_id = ?")
          .run(id),
      (id) => writer.prepare('DELETE FROM people WHERE webex_id = ?').run(id),
      (id) =>
        writer.prepare("UPDATE saas_users SET values_hash = 'edited' WHERE webex_id = ?").run(id),
      (id) => writer.prepare('UPDATE saas_users SET not_in_webex = 1 WHERE webex_id = ?').run(id),
      (id) => writer.prepare('UPDATE saas_users SET person_id = NULL WHERE webex_id = ?').run(id),
      (id) =>
        writer.prepare('UPDATE saas_users SET person_id = person_id WHERE webex_id = ?').run(id),
      (id) => writer.prepare('DELETE FROM saas_users WHERE webex_id = ?').run(id),
      (id) => void h.sim.org.update(id, { displayName: `Renamed ${rand(1000)}` }),
      (id) => void h.sim.org.update(id, { emails: [`changed${rand(1000)}@example.com`] })
    ]
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 8; k++) {
        const live = ids().filter((id) => !id.startsWith('moved-') && h.sim.org.get(id))
        pick(edits)(pick(live))
        expect(raw.stalePlanStates(), `round ${round}, edit ${k}`).toEqual([])
      }
      const run = await h.sync(i.id)
      expect(run.status, `round ${round}`).toBe('succeeded')
      expect(raw.stalePlanStates(), `after the sync of round ${round}`).toEqual([])
      // The stored JSON is what Webex sends now, for everyone (renamed people included).
      for (const p of h.sim.org.all()) expect(raw.get(p.id), p.id).toBe(serializePerson(p))
      // Healed: the next re-sync writes nothing.
      const quiet = await h.sync(i.id)
      expect(quiet.counts, `round ${round}`).toMatchObject({ created: 0, updated: 0 })
      // Every unchanged person is known unchanged without being planned (skips have no plan state:
      // a record moved to another Webex ID keeps its email, so that person's key is taken).
      expect(planned.get(), `round ${round}`).toBe(quiet.counts.unchanged)
      expect(quiet.counts.unchanged, `round ${round}`).toBeGreaterThan(h.sim.org.count() / 2)
    }
    writer.close()
  })
})
