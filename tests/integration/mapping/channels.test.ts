/** The mapping studio's channels through the real core: wiring, validation and error codes. */
import { afterEach, describe, expect, it } from 'vitest'
import { startIngestHarness, type IngestHarness } from '../ingest/ingest-harness'

let h: IngestHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('mapping studio channels', () => {
  it('answer through the contract with the documented codes', async () => {
    h = await startIngestHarness({ users: 15 })
    const i = await h.integration()
    await h.sync(i.id)

    const targets = await h.call('mapping:targets', undefined)
    expect(targets.find((t) => t.key === 'username')).toMatchObject({
      mandatory: true,
      unique: true
    })
    expect(targets.find((t) => t.key === 'saas.roles')).toMatchObject({ mappable: false })

    const field = await h.call('custom-fields:create', { label: 'Job Title', type: 'text' })
    expect(field).toMatchObject({ key: 'jobTitle', record: 'person', unique: false })
    const again = await h.raw('custom-fields:create', { label: 'job title', type: 'text' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const choice = await h.raw('custom-fields:create', { label: 'Tier', type: 'choice' })
    expect(choice).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect((await h.call('custom-fields:list', undefined)).map((f) => f.label)).toEqual([
      'Job Title'
    ])
    expect(
      (await h.call('mapping:targets', undefined)).find((t) => t.key === 'custom.jobTitle')
    ).toMatchObject({ label: 'Job Title', builtIn: false, mappable: true })

    const smart = await h.call('mapping:smart', { mapping: i.mapping, overwrite: false })
    expect(smart.proposals.find((p) => p.target === 'custom.jobTitle')).toMatchObject({
      source: '$.title',
      status: 'new'
    })
    const impact = await h.call('mapping:impact', {
      integrationId: i.id,
      draft: { mapping: smart.mapping, syncKeys: i.syncKeys, filters: i.filters }
    })
    expect(impact.people).toBe(15)
    expect(impact.counts.update).toBeGreaterThan(0)
    expect(impact.changedFields[0]?.field).toBe('person.custom.jobTitle')

    const validation = await h.call('mapping:validate', { mapping: [] })
    expect(validation.ok).toBe(false)
    const badSource = await h.raw('mapping:validate', {
      mapping: [{ source: '$.a[', target: 'email' }]
    })
    expect(badSource).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })

    const evaluated = await h.call('mapping:evaluate', { expression: '{{firstName}}' })
    expect(evaluated.ok && evaluated.results).toHaveLength(5)
    const sources = await h.call('mapping:sources', {})
    expect(sources.fields.length).toBeGreaterThan(30)
    const keys = await h.call('mapping:check-sync-keys', {
      mapping: i.mapping,
      syncKeys: i.syncKeys
    })
    expect(keys.checked).toBe(15)

    const api = await h.call('api-fields:save', {
      name: 'Town',
      expression: 'addresses[0].locality'
    })
    expect((await h.call('api-fields:list', undefined)).map((a) => a.name)).toEqual(['Town'])
    expect(await h.raw('api-fields:save', { name: 'Bad', expression: 'a[' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' }
    })
    await h.call('api-fields:delete', { id: api.id })

    await h.call('integrations:update', { id: i.id, mapping: smart.mapping })
    await h.sync(i.id)
    const fi = await h.call('custom-fields:impact', { key: 'jobTitle' })
    expect(fi.needsConfirm).toBe(true)
    expect(await h.raw('custom-fields:delete', { key: 'jobTitle' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' }
    })
    const del = await h.call('custom-fields:delete', { key: 'jobTitle', confirm: true })
    expect(del.removedMappings).toBe(1)
    const after = await h.call('integrations:get', { id: i.id })
    expect(after.mapping.some((e) => e.target === 'custom.jobTitle')).toBe(false)
  })
})
