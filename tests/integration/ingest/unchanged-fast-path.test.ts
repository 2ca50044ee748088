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
})
