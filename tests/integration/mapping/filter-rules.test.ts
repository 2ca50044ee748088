/**
 * Filter rules in the engine (needs the engine wiring of core/mapping): a sync skips with "Skipped by
 * filter <name>", "only update, never create" rules update existing records, and the impact preview
 * of a rule draft counts what the sync then does.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import { startServicesHarness, type ServicesHarness } from '../ingest/services-harness'

let h: ServicesHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('filter rules in a sync', () => {
  it('skip with the rule name, and match the impact preview', async () => {
    h = await startServicesHarness({ users: 50, seed: 9 }, { pageSize: 20 })
    const id = h.integration()
    const saved = h.s.integrations.get(id)
    const people: AnyIngestFilter[] = [
      {
        kind: 'rule',
        name: 'People only',
        match: 'all',
        applies: 'always',
        enabled: true,
        conditions: [
          { field: 'type', op: 'equals', value: 'person' },
          { field: 'status', op: 'not-equals', value: 'pending' }
        ]
      }
    ]
    h.s.integrations.update({ id, filters: people })
    const first = await h.sync(id)
    const all = h.sim.org.all()
    const kept = all.filter((p) => p.type === 'person' && p.status !== 'pending').length
    expect(first.counts).toMatchObject({ created: kept, skipped: all.length - kept })
    const items = h.s.runs.detail({
      id: first.id,
      itemsLimit: 5,
      itemsOffset: 0,
      heldLimit: 1,
      heldOffset: 0
    })
    expect(items.items.rows[0]?.reason).toBe('Skipped by filter People only')

    // Draft: Sales only, but never create others ("only update, never create").
    const draftFilters: AnyIngestFilter[] = [
      ...people,
      {
        kind: 'rule',
        name: 'Sales',
        match: 'any',
        applies: 'update-only',
        enabled: true,
        conditions: [{ field: '$.department', op: 'equals', value: 'Sales' }]
      }
    ]
    const draft = { mapping: saved.mapping, syncKeys: saved.syncKeys, filters: draftFilters }
    const impact = h.s.mapping.impact({ integrationId: id, draft, sampleLimit: 5 })
    // Everyone who exists is still updated or unchanged: nothing newly skipped.
    expect(impact.counts.newlySkipped).toBe(0)
    expect(impact.counts.create).toBe(0)

    // Forget some records: non-Sales among them are not created again.
    const sales = h.db
      .prepare(
        `SELECT count(*) AS n FROM people WHERE webex_id IN (SELECT r.webex_id
         FROM webex_people_raw r JOIN webex_people_json j ON j.raw_seq = r.seq
         WHERE json_extract(j.json, '$.department') = 'Sales')`
      )
      .get() as { n: number }
    h.db.exec('DELETE FROM saas_users; DELETE FROM people')
    const after = h.s.mapping.impact({ integrationId: id, draft, sampleLimit: 5 })
    expect(after.counts.create).toBe(sales.n)
    expect(after.counts.newlySkipped).toBe(kept - sales.n)
    expect(after.samples.find((s) => s.action === 'skip')?.reason).toMatch(
      /^Skipped by filter Sales \(existing records are updated/
    )
    h.s.integrations.update({ id, filters: draftFilters })
    const run = await h.sync(id)
    expect(run.counts).toMatchObject({
      created: after.counts.create,
      updated: after.counts.update,
      unchanged: after.counts.unchanged,
      skipped: after.counts.skip
    })
  })
})
