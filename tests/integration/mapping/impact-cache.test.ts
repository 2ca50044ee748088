/**
 * The impact preview keeps the parsed last read, the planner's store reads and the saved
 * configuration's skips between calls. Each must follow the store (a sync wrote), the saved
 * configuration and the custom fields: every cached preview here equals a new service's preview,
 * and changes where the change matters.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { IngestFilter } from '../../../shared/domain/integration'
import type { MappingDraft } from '../../../shared/domain/mapping-studio'
import { startServicesHarness, type ServicesHarness } from '../ingest/services-harness'
import { impactOf, withoutTiming } from './impact-support'

let h: ServicesHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const onlyPeople: IngestFilter[] = [{ field: 'type', op: 'is', value: 'person' }]
const onlyActive: IngestFilter[] = [{ field: 'status', op: 'is', value: 'active' }]

describe('impact preview caches', () => {
  it('follow a sync that wrote and a change of the saved configuration', async () => {
    h = await startServicesHarness({ users: 60, seed: 11 }, { pageSize: 25 })
    const id = h.integration({ filters: onlyPeople })
    await h.sync(id)
    const x = impactOf(h, id)
    const same = (draft: MappingDraft) => {
      const r = withoutTiming(x.cached(draft))
      expect(r).toEqual(withoutTiming(x.fresh(draft)))
      return r
    }
    // Without the filter, the bots and guests the saved configuration skips are synced again.
    const noFilter = { ...x.savedDraft(), filters: [] }
    const first = same(noFilter)
    const others = h.sim.org.all().filter((p) => p.type !== 'person').length
    expect(others).toBeGreaterThan(0)
    expect(first.counts).toMatchObject({ noLongerSkipped: others, create: others, skip: 0 })
    expect(same(noFilter)).toEqual(first)

    // A sync writes: one more person the saved filter skips (a new store version).
    const person = h.sim.org.all().find((p) => p.type === 'person' && p.status === 'active')!
    h.sim.org.update(person.id, { type: 'bot' })
    await h.sync(id)
    const afterSync = same(noFilter)
    expect(afterSync.counts.noLongerSkipped).toBe(others + 1)

    // The saved configuration changes (no sync): skipped before now means "not active".
    h.s.integrations.update({ id, filters: onlyActive })
    const afterSave = same(noFilter)
    const inactive = h.sim.org.all().filter((p) => p.status !== 'active').length
    expect(inactive).toBeGreaterThan(0)
    expect(inactive).not.toBe(others + 1)
    expect(afterSave.counts.noLongerSkipped).toBe(inactive)
  })

  it('follow custom fields: a new field type changes what a mapping writes', async () => {
    h = await startServicesHarness({ users: 30, seed: 4 })
    const id = h.integration()
    const i = h.s.integrations.get(id)
    h.s.integrations.update({
      id,
      mapping: [...i.mapping, { source: 'invitePending', target: 'custom.flag' }]
    })
    const first = await h.sync(id)
    const x = impactOf(h, id)
    const none = x.cached(x.savedDraft())
    expect(none.counts).toMatchObject({ update: 0, unchanged: first.counts.created })

    // A number field: the true/false values no longer fit, so the sync empties them.
    h.s.mapping.customFields.create({ label: 'Flag', type: 'number' })
    const typed = withoutTiming(x.cached(x.savedDraft()))
    expect(typed).toEqual(withoutTiming(x.fresh(x.savedDraft())))
    expect(typed.counts.update).toBeGreaterThan(0)
    const run = await h.sync(id)
    expect(run.counts).toMatchObject({
      updated: typed.counts.update,
      unchanged: typed.counts.unchanged
    })
  })

  it('answer a preview asked while the last read is still being read in the background', async () => {
    h = await startServicesHarness({ users: 600, seed: 9 }, { pageSize: 200 })
    const id = h.integration()
    await h.sync(id)
    const x = impactOf(h, id)
    const draft = { ...x.savedDraft(), filters: onlyPeople }
    // The studio opens: the warm-up reads a slice per turn; one turn later it is not done yet.
    h.s.mapping.sources({ sampleSize: 10, samplesPerField: 1 })
    await new Promise<void>((resolve) => setImmediate(resolve))
    const early = withoutTiming(x.cached(draft))
    expect(early.people).toBe(600)
    expect(early).toEqual(withoutTiming(x.fresh(draft)))
    await h.s.mapping.lastReadWarmed()
    expect(withoutTiming(x.cached(draft))).toEqual(early)
  })
})
