/**
 * Custom SaaS user fields (issue 5) through the real core and the simulator: a "Cost centre" field on
 * the SaaS user record, mapped from Webex `department`, is filled by the first sync, follows a change
 * in Webex with a history row, costs no write on an unchanged re-sync, shows in the impact preview,
 * and leaves no values (and no phantom change) behind when it is deleted.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { defaultMapping, type Mapping } from '../../../shared/domain/mapping'
import { startIngestHarness, type IngestHarness } from './ingest-harness'

let h: IngestHarness
afterEach(async () => {
  await h.close()
})

type Row = { id: string; webex_id: string; custom_json: string }

const costCentres = (h: IngestHarness) =>
  new Map(
    (h.db().prepare('SELECT id, webex_id, custom_json FROM saas_users').all() as Row[]).map((r) => [
      r.webex_id,
      JSON.parse(r.custom_json) as Record<string, unknown>
    ])
  )

describe('custom SaaS user fields', () => {
  it('are filled by the mapping, updated with history, and unchanged re-syncs write nothing', async () => {
    h = await startIngestHarness({ users: 30, maxPageSize: 10 })
    const field = await h.call('custom-fields:create', {
      label: 'Cost centre',
      type: 'text',
      record: 'saas-user'
    })
    const target = `saas.custom.${field.key}`
    const targets = await h.call('mapping:targets', undefined)
    expect(targets.find((t) => t.key === target)).toMatchObject({
      record: 'saas-user',
      mappable: true
    })
    const mapping: Mapping = [...defaultMapping(), { source: '$.department', target }]
    const i = await h.integration({ mapping })
    expect((await h.call('mapping:validate', { mapping })).ok).toBe(true)

    const first = await h.sync(i.id)
    expect(first.status).toBe('succeeded')
    const people = h.sim.org.all()
    const withDept = people.filter((p) => typeof p.department === 'string' && p.department !== '')
    expect(withDept.length).toBeGreaterThan(0)
    const values = costCentres(h)
    for (const p of people) expect(values.get(p.id)).toEqual({ [field.key]: p.department ?? null })
    // Person records keep their own custom values: the SaaS user target does not leak into them.
    expect(h.db().prepare("SELECT count(*) n FROM people WHERE custom_json <> '{}'").get()).toEqual(
      { n: 0 }
    )

    // The SaaS user record carries the value to the renderer.
    const someone = withDept[0]!
    const listed = await h.call('saas-users:list', {
      filters: [{ column: 'webexId', op: 'eq', value: someone.id }]
    })
    const detail = await h.call('saas-users:get', { id: listed.rows[0]!.id })
    expect(detail.saasUser.custom).toEqual({ [field.key]: someone.department })

    // A change in Webex: one update, one history row on the SaaS user record (the person record gets
    // its own for Webex's lastModified).
    h.sim.org.update(someone.id, { department: 'Finance 4711' })
    const second = await h.sync(i.id)
    expect(second.counts).toMatchObject({ created: 0, updated: 1, unchanged: people.length - 1 })
    expect(costCentres(h).get(someone.id)).toEqual({ [field.key]: 'Finance 4711' })
    const history = h
      .db()
      .prepare(
        `SELECT record_type, field, old_value, new_value FROM record_history
         WHERE run_id = ? AND record_type = 'saas-user'`
      )
      .all(second.id)
    expect(history).toEqual([
      {
        record_type: 'saas-user',
        field: `custom.${field.key}`,
        old_value: someone.department,
        new_value: 'Finance 4711'
      }
    ])

    // Nothing changed: zero rows written, no history.
    const db = h.db()
    const before = db.prepare('SELECT max(updated_at) m FROM saas_users').get()
    const third = await h.sync(i.id)
    expect(third.counts).toMatchObject({ created: 0, updated: 0, unchanged: people.length })
    const pages = (await h.call('runs:get', { id: third.id })).pages
    expect(pages.reduce((n, p) => n + p.written, 0)).toBe(0)
    expect(db.prepare('SELECT max(updated_at) m FROM saas_users').get()).toEqual(before)
    expect(
      db.prepare('SELECT count(*) n FROM record_history WHERE run_id = ?').get(third.id)
    ).toEqual({ n: 0 })

    // The impact preview of a draft that upper-cases the field lists SaaS custom diffs.
    const draft: Mapping = [
      ...defaultMapping(),
      { source: '$.department', target, transforms: [{ kind: 'uppercase' }] }
    ]
    const saved = await h.call('integrations:get', { id: i.id })
    const impact = await h.call('mapping:impact', {
      integrationId: i.id,
      draft: { mapping: draft, syncKeys: saved.syncKeys, filters: saved.filters },
      sampleLimit: 3
    })
    const changing = h.sim.org
      .all()
      .filter(
        (p) => typeof p.department === 'string' && p.department.toUpperCase() !== p.department
      )
    expect(changing.length).toBeGreaterThan(0)
    expect(impact.changedFields).toContainEqual({
      field: `saas.custom.${field.key}`,
      records: changing.length
    })
    expect(impact.samples.find((s) => s.action === 'update')?.diff[0]?.field).toBe(
      `saas.custom.${field.key}`
    )

    // Deleting the field clears its values (hash recomputed) and the mapping entry.
    const fi = await h.call('custom-fields:impact', { key: field.key })
    expect(fi.recordsWithValue).toBe(withDept.length)
    const del = await h.call('custom-fields:delete', { key: field.key, confirm: true })
    expect(del).toEqual({ deleted: true, clearedValues: withDept.length, removedMappings: 1 })
    expect(
      h.db().prepare("SELECT count(*) n FROM saas_users WHERE custom_json <> '{}'").get()
    ).toEqual({ n: 0 })
    const after = await h.sync(i.id)
    expect(after.counts).toMatchObject({ updated: 0, unchanged: people.length })
  })
})
