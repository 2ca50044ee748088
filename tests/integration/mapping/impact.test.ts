/**
 * The impact preview against the real thing: sync with the simulator, change the draft, compare the
 * impact's counts with the preview and the sync of the same configuration after saving it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { defaultMapping, type Mapping } from '../../../shared/domain/mapping'
import type { IngestFilter } from '../../../shared/domain/integration'
import { startServicesHarness, type ServicesHarness } from '../ingest/services-harness'

let h: ServicesHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const count = (h: ServicesHarness, sql: string) => (h.db.prepare(sql).get() as { n: number }).n

describe('impact preview', () => {
  it('counts what the saved configuration then does, by the same planner', async () => {
    h = await startServicesHarness({ users: 60, seed: 11 }, { pageSize: 25 })
    const id = h.integration()
    const first = await h.sync(id)
    expect(first.counts.created).toBeGreaterThan(0)
    const saved = h.s.integrations.get(id)

    // Nothing changes: everything unchanged, no Webex call needed.
    const calls = h.sim.requests().length
    const none = h.s.mapping.impact({
      integrationId: id,
      draft: { mapping: saved.mapping, syncKeys: saved.syncKeys, filters: saved.filters },
      sampleLimit: 5
    })
    expect(h.sim.requests().length).toBe(calls)
    expect(none.counts).toMatchObject({ create: 0, update: 0, skip: first.counts.skipped })
    expect(none.counts.unchanged).toBe(first.counts.created)

    const dept = h.s.mapping.customFields.create({ label: 'Dept.', type: 'text' })
    const mapping: Mapping = [
      ...defaultMapping().filter((e) => e.target !== 'displayName'),
      { source: '{{lastName}}, {{firstName}}', target: 'displayName' },
      { source: '$.department', target: `custom.${dept.key}`, transforms: [{ kind: 'uppercase' }] }
    ]
    const filters: IngestFilter[] = [{ field: 'type', op: 'is', value: 'person' }]
    const draft = { mapping, syncKeys: saved.syncKeys, filters }
    const impact = h.s.mapping.impact({ integrationId: id, draft, sampleLimit: 3 })
    expect(impact.people).toBe(60)
    expect(impact.counts.update).toBeGreaterThan(0)
    expect(impact.counts.newlySkipped).toBeGreaterThan(0) // the bots and guests
    expect(
      impact.counts.create + impact.counts.update + impact.counts.unchanged + impact.counts.skip
    ).toBe(60)
    const update = impact.samples.find((s) => s.action === 'update')!
    expect(update.diff.map((d) => d.field)).toContain('person.displayName')
    expect(impact.changedFields.map((f) => f.field)).toContain(`person.custom.${dept.key}`)
    expect(impact.samples.filter((s) => s.action === 'update').length).toBeLessThanOrEqual(3)
    expect(impact.samples.find((s) => s.action === 'skip')?.reason).toMatch(/Filtered out: type/)

    h.s.integrations.update({ id, mapping, filters })
    const plan = await h.s.runner.preview(id)
    expect(plan.counts).toMatchObject({
      created: impact.counts.create,
      updated: impact.counts.update,
      unchanged: impact.counts.unchanged,
      skipped: impact.counts.skip
    })
    const run = await h.sync(id)
    expect(run.counts).toMatchObject({
      created: impact.counts.create,
      updated: impact.counts.update,
      unchanged: impact.counts.unchanged,
      skipped: impact.counts.skip
    })
    // The field now holds data: renaming and deleting it need a confirmation and say why.
    const fi = h.s.mapping.customFields.impact(dept.key)
    expect(fi.recordsWithValue).toBeGreaterThan(0)
    expect(fi.mappedBy).toEqual([{ id, name: 'Webex users' }])
    expect(fi.onDelete).toMatch(/records hold a value and the integration "Webex users" fills it/)
    expect(() => h!.s.mapping.customFields.update({ key: dept.key, label: 'Department' })).toThrow(
      /Confirm to rename/
    )
    expect(
      h.s.mapping.customFields.update({ key: dept.key, label: 'Department', confirm: true }).label
    ).toBe('Department')
    expect(() => h!.s.mapping.customFields.remove(dept.key, false)).toThrow(/Confirm to delete/)
    const del = h.s.mapping.customFields.remove(dept.key, true)
    expect(del).toEqual({
      deleted: true,
      clearedValues: fi.recordsWithValue,
      removedMappings: 1
    })
    expect(
      count(
        h,
        `SELECT count(*) AS n FROM people WHERE json_type(custom_json, '$."${dept.key}"') IS NOT NULL`
      )
    ).toBe(0)
    // Hashes were recomputed: the next sync sees nothing new.
    const after = await h.sync(id)
    expect(after.counts.updated).toBe(0)
  })

  it('previews custom API fields on the last read, with clear errors', async () => {
    h = await startServicesHarness({ users: 20, seed: 5 })
    const id = h.integration()
    await h.sync(id)
    const ok = h.s.mapping.evaluate({
      expression: "phoneNumbers[?type=='work'].value",
      samples: 10
    })
    if (!ok.ok) throw new Error(ok.error.message)
    expect(ok.expression).toBe("$.phoneNumbers[?type=='work'].value")
    expect(ok.results).toHaveLength(10)
    expect(ok.results.some((r) => r.value?.startsWith('+1 408'))).toBe(true)
    const tpl = h.s.mapping.evaluate({
      expression: '{{firstName}} {{lastName}}',
      transforms: [{ kind: 'uppercase' }],
      samples: 3
    })
    expect(tpl.ok && tpl.results[0]!.value).toMatch(/^[^a-z]+$/)
    const bad = h.s.mapping.evaluate({ expression: 'addresses[0.locality', samples: 3 })
    expect(bad).toEqual({
      ok: false,
      error: { message: 'Expected "]" at position 12, found "."', position: 11, expected: '"]"' }
    })
    expect(() => h!.s.mapping.apiFields.save({ name: 'Broken', expression: 'a[' })).toThrow(
      /position/
    )
    const city = h.s.mapping.apiFields.save({ name: 'City', expression: 'addresses[0].locality' })
    expect(city.expression).toBe('$.addresses[0].locality')
    const sources = h.s.mapping.sources({ sampleSize: 20, samplesPerField: 3 })
    expect(sources.peopleInLastRead).toBe(20)
    const byKey = new Map(sources.fields.map((f) => [f.label, f]))
    expect(byKey.get('Email')).toMatchObject({ group: 'standard', shape: 'email' })
    expect(byKey.get('City')).toMatchObject({ group: 'api' })
    expect(byKey.get('City')!.samples.length).toBeGreaterThan(0)
    expect(byKey.get('Last activity')?.shape).toBe('date-time')
    expect(byKey.get('Mobile phone')?.shape).toBe('phone')
    // Mapping entries using a renamed API field follow it.
    const i = h.s.integrations.get(id)
    h.s.integrations.update({
      id,
      mapping: [
        ...i.mapping,
        { source: city.expression, sourceName: 'City', target: 'custom.city' }
      ]
    })
    h.s.mapping.apiFields.save({ id: city.id, name: 'Town', expression: '$.addresses[0].locality' })
    expect(h.s.integrations.get(id).mapping.at(-1)).toMatchObject({ sourceName: 'Town' })

    const keys = h.s.mapping.checkSyncKeys({
      mapping: i.mapping,
      syncKeys: { primary: 'email', secondary: null }
    })
    expect(keys).toMatchObject({ ok: true, checked: 20 })
    const smart = h.s.mapping.smart({ mapping: [], overwrite: false })
    expect(smart.mapping.find((e) => e.target === 'username')?.source).toBe('email')
    expect(h.s.mapping.validate({ mapping: smart.mapping }).ok).toBe(true)
  })

  it('previews 10,000 people in under a second', async () => {
    h = await startServicesHarness({ users: 10_000, seed: 2 }, { pageSize: 1000 })
    const id = h.integration()
    await h.sync(id)
    const saved = h.s.integrations.get(id)
    const mapping: Mapping = [
      ...saved.mapping,
      { source: "$.phoneNumbers[?type=='work'].value", target: 'custom.workPhone' }
    ]
    const draft = { mapping, syncKeys: saved.syncKeys, filters: saved.filters }
    // The studio opens (mapping:sources): the last read and the records are read in the background,
    // so the first preview the admin waits for only plans.
    h.s.mapping.sources({ sampleSize: 50, samplesPerField: 5 })
    await h.s.mapping.lastReadWarmed()
    const o0 = performance.now()
    h.s.mapping.impact({ integrationId: id, draft, sampleLimit: 20 })
    const opened = performance.now() - o0
    expect(opened).toBeLessThan(1000)
    // A new store version: the first call reads and parses the last read itself.
    h.db.prepare("UPDATE ingest_state SET value = value + 1 WHERE key = 'store_version'").run()
    const c0 = performance.now()
    h.s.mapping.impact({ integrationId: id, draft, sampleLimit: 20 })
    const cold = performance.now() - c0
    const t0 = performance.now()
    const r = h.s.mapping.impact({ integrationId: id, draft, sampleLimit: 20 })
    const ms = performance.now() - t0
    expect(r.people).toBe(10_000)
    expect(r.counts.update).toBeGreaterThan(1000)
    expect(ms).toBeLessThan(1000)
    // A filter change plans everyone twice (draft and saved, for "newly skipped").
    const filtered = h.s.mapping.impact({
      integrationId: id,
      draft: { ...draft, filters: [{ field: 'type', op: 'is', value: 'person' }] },
      sampleLimit: 20
    })
    console.warn(
      `impact over 10,000: after studio open ${Math.round(opened)} ms, cold ${Math.round(cold)} ms, mapping ${Math.round(ms)} ms, filter ${filtered.durationMs} ms`
    )
    expect(cold).toBeLessThan(3000)
    expect(filtered.counts.newlySkipped).toBeGreaterThan(0)
  }, 120_000)
})
