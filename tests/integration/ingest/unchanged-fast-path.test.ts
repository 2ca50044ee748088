/**
 * The unchanged fast path (sync/unchanged-fast-path.ts) must never hide a change: a record whose hash
 * no longer matches what the last plan produced, or a SaaS user marked "not in Webex", is planned in
 * full again on the next re-sync.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
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
})
