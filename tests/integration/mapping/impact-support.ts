/** Impact previews from the harness's service and from a new, uncached service over the same store. */
import { createMappingService } from '../../../electron/core/mapping/mapping-service'
import type { ImpactResult, MappingDraft } from '../../../shared/domain/mapping-studio'
import type { ServicesHarness } from '../ingest/services-harness'

/** Everything but the timing. */
export const withoutTiming = ({ durationMs: _t, ...rest }: ImpactResult) => rest

export function impactOf(h: ServicesHarness, integrationId: string, sampleLimit = 50) {
  const uncached = () =>
    createMappingService({
      db: h.db,
      now: () => new Date(),
      integrations: h.s.repos.integrations,
      roles: h.s.repos.roles,
      people: h.s.repos.people,
      saas: h.s.repos.saas,
      onIntegrationsChanged: () => undefined
    })
  const savedDraft = (): MappingDraft => {
    const i = h.s.integrations.get(integrationId)
    return { mapping: i.mapping, syncKeys: i.syncKeys, filters: i.filters }
  }
  return {
    savedDraft,
    /** The harness service's preview (cached between calls). */
    cached: (draft: MappingDraft) => h.s.mapping.impact({ integrationId, draft, sampleLimit }),
    /** A new service's preview: nothing cached. */
    fresh: (draft: MappingDraft) => uncached().impact({ integrationId, draft, sampleLimit })
  }
}
