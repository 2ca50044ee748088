/**
 * The impact preview holds the whole parsed last read in memory; above a size it refuses in plain
 * words (pointing to the integration's streaming Preview) instead of exhausting the core's heap.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createMappingService } from '../../../electron/core/mapping/mapping-service'
import { AppError } from '../../../electron/core/errors'
import { startServicesHarness, type ServicesHarness } from '../ingest/services-harness'

let h: ServicesHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('impact preview memory cap', () => {
  it('refuses above the cap with a plain message, and works at or under it', async () => {
    h = await startServicesHarness({ users: 12, seed: 5 })
    const id = h.integration()
    await h.sync(id)
    const service = (max: number) =>
      createMappingService({
        db: h!.db,
        now: () => new Date(),
        integrations: h!.s.repos.integrations,
        roles: h!.s.repos.roles,
        people: h!.s.repos.people,
        saas: h!.s.repos.saas,
        onIntegrationsChanged: () => undefined,
        maxPeopleInMemory: max
      })
    const i = h.s.integrations.get(id)
    const draft = { mapping: i.mapping, syncKeys: i.syncKeys, filters: i.filters }
    const small = service(11)
    // Opening the studio still works (samples only), without warming the whole read.
    expect(small.sources({ sampleSize: 5, samplesPerField: 2 }).peopleInLastRead).toBe(12)
    await small.lastReadWarmed()
    let error: unknown
    try {
      small.impact({ integrationId: id, draft, sampleLimit: 5 })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('CONFLICT')
    expect((error as AppError).message).toMatch(/12 people, more than the 11 .*Use Preview/)
    expect(service(12).impact({ integrationId: id, draft, sampleLimit: 5 }).people).toBe(12)
  })
})
