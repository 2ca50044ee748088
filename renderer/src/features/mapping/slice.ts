/**
 * The mapping editor's state: which integration is open, its draft with the undo stack, and the
 * catalog the editor offers (sources with samples, target fields, custom API fields, custom fields).
 */
import type { StateCreator } from 'zustand'
import type { ErrorInfo } from '../../../../shared/contract/envelope'
import type { CustomField, TargetField } from '../../../../shared/domain/custom-field'
import type { ApiField, SourceList } from '../../../../shared/domain/mapping-studio'
import type { AppState } from '../../app/store'
import { call } from '../../lib/call'
import { commit, startHistory, undo, type Draft, type History } from './model'

export type MappingSlice = {
  /** The integration whose mapping editor is open (it replaces the Integrations list). */
  mappingIntegrationId: string | null
  mappingHistory: History | null
  mappingSources: SourceList | null
  mappingTargets: TargetField[]
  apiFields: ApiField[]
  customFields: CustomField[]
  mappingCatalogError: string | null

  openMapping: (integrationId: string | null) => void
  loadMappingCatalog: () => Promise<void>
  /** Custom field labels for record pages (values are stored under the field's key). */
  loadCustomFields: () => Promise<void>
  /** One undoable edit of the draft. */
  editDraft: (edit: (d: Draft) => Draft) => void
  undoMappingEdit: () => void
  /** Writes the draft to the integration (mapping, sync keys, filters). */
  saveMapping: () => Promise<ErrorInfo | null>
}

export const createMappingSlice: StateCreator<AppState, [], [], MappingSlice> = (set, get) => ({
  mappingIntegrationId: null,
  mappingHistory: null,
  mappingSources: null,
  mappingTargets: [],
  apiFields: [],
  customFields: [],
  mappingCatalogError: null,

  openMapping: (id) => {
    const integration = get().integrations.find((i) => i.id === id)
    set({
      mappingIntegrationId: integration ? integration.id : null,
      mappingHistory: integration
        ? startHistory({
            mapping: integration.mapping,
            syncKeys: integration.syncKeys,
            filters: integration.filters
          })
        : null
    })
  },

  loadMappingCatalog: async () => {
    const [sources, targets, api, custom] = await Promise.all([
      call('mapping:sources', { sampleSize: 50, samplesPerField: 5 }),
      call('mapping:targets', undefined),
      call('api-fields:list', undefined),
      call('custom-fields:list', undefined)
    ])
    const failed = [sources, targets, api, custom].find((r) => !r.ok)
    set({
      ...(sources.ok ? { mappingSources: sources.value } : {}),
      ...(targets.ok ? { mappingTargets: targets.value } : {}),
      ...(api.ok ? { apiFields: api.value } : {}),
      ...(custom.ok ? { customFields: custom.value } : {}),
      mappingCatalogError: failed && !failed.ok ? failed.error.message : null
    })
  },

  loadCustomFields: async () => {
    const res = await call('custom-fields:list', undefined)
    if (res.ok) set({ customFields: res.value })
  },

  editDraft: (edit) =>
    set((s) =>
      s.mappingHistory
        ? { mappingHistory: commit(s.mappingHistory, edit(s.mappingHistory.present)) }
        : {}
    ),
  undoMappingEdit: () =>
    set((s) => (s.mappingHistory ? { mappingHistory: undo(s.mappingHistory) } : {})),

  saveMapping: async () => {
    const { mappingIntegrationId: id, mappingHistory: h } = get()
    if (!id || !h) return null
    const draft = h.present
    const res = await call('integrations:update', {
      id,
      mapping: draft.mapping,
      syncKeys: draft.syncKeys,
      filters: draft.filters
    })
    if (!res.ok) return res.error
    set((s) => ({
      integrations: s.integrations.map((i) => (i.id === id ? res.value : i)),
      // The saved draft becomes the new base; the undo stack stays usable.
      mappingHistory: s.mappingHistory ? { ...s.mappingHistory, saved: draft } : null
    }))
    return null
  }
})
