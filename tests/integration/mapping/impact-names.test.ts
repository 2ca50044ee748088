/**
 * Role names for a "User only" integration (issue 5): such a sync reads /roles when its mapping turns
 * role IDs into names, but writes no SaaS user records to recover them from. The sync keeps the names
 * it read, so the impact preview (no Webex call) shows the names the sync writes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Mapping, MappingEntry } from '../../../shared/domain/mapping'
import { startServicesHarness, type ServicesHarness } from '../ingest/services-harness'
import { impactOf } from './impact-support'

let h: ServicesHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const count = (h: ServicesHarness, sql: string) => (h.db.prepare(sql).get() as { n: number }).n

describe('impact preview of a User-only integration', () => {
  it('shows the role names the sync writes', async () => {
    h = await startServicesHarness({ users: 30, seed: 7 })
    const id = h.integration({ scope: 'user' })
    const roleByName: MappingEntry = {
      source: '$.roles',
      target: 'role',
      transforms: [{ kind: 'role-names' }, { kind: 'first' }]
    }
    const mapping: Mapping = h.s.integrations
      .get(id)
      .mapping.map((e) => (e.target === 'role' ? roleByName : e))
    h.s.integrations.update({ id, mapping })
    const first = await h.sync(id)
    expect(count(h, 'SELECT count(*) AS n FROM saas_users')).toBe(0)
    const admin = h.sim.org.all().find((p) => (p.roles?.length ?? 0) > 0)!
    const stored = () =>
      h!.db.prepare('SELECT role, custom_json FROM people WHERE webex_id = ?').get(admin.id) as {
        role: string | null
        custom_json: string
      }
    expect(stored().role).toMatch(/Administrator/)

    // Nothing changed: the preview resolves the same names, so nobody would be updated.
    const x = impactOf(h, id)
    const calls = h.sim.requests().length
    expect(x.cached(x.savedDraft()).counts).toMatchObject({
      update: 0,
      unchanged: first.counts.created
    })
    // Every role name into a new field: the preview's new values are names, as the sync writes.
    const field = h.s.mapping.customFields.create({ label: 'Role names', type: 'text' })
    const draft = {
      ...x.savedDraft(),
      mapping: [
        ...mapping,
        {
          source: '$.roles',
          target: `custom.${field.key}`,
          transforms: [{ kind: 'role-names' as const }, { kind: 'join' as const, separator: ', ' }]
        }
      ]
    }
    const impact = x.cached(draft)
    const shown = impact.samples
      .find((s) => s.webexId === admin.id)
      ?.diff.find((d) => d.field === `person.custom.${field.key}`)?.new
    expect(shown).toMatch(/Administrator/)
    expect(shown).not.toContain(admin.roles![0])
    const evaluated = h.s.mapping.evaluate({
      expression: '$.roles',
      transforms: [{ kind: 'role-names' }, { kind: 'first' }],
      webexIds: [admin.id],
      samples: 1
    })
    expect(evaluated.ok && evaluated.results[0]?.value).toBe(stored().role)
    expect(h.sim.requests().length).toBe(calls)

    h.s.integrations.update({ id, mapping: draft.mapping })
    const run = await h.sync(id)
    expect(run.counts.updated).toBe(impact.counts.update)
    expect((JSON.parse(stored().custom_json) as Record<string, string>)[field.key]).toBe(shown)
  })
  it('falls back to the SaaS user records of a store that kept no names (older build)', async () => {
    h = await startServicesHarness({ users: 30, seed: 7 })
    const id = h.integration()
    const mapping: Mapping = h.s.integrations.get(id).mapping.map((e) =>
      e.target === 'role'
        ? {
            source: '$.roles',
            target: 'role',
            transforms: [{ kind: 'role-names' }, { kind: 'first' }]
          }
        : e
    )
    h.s.integrations.update({ id, mapping })
    const first = await h.sync(id)
    h.db.prepare("DELETE FROM app_meta WHERE key = 'webex_names'").run()
    const x = impactOf(h, id)
    expect(x.fresh(x.savedDraft()).counts).toMatchObject({
      update: 0,
      unchanged: first.counts.created
    })
  })
})
