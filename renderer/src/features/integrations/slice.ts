/**
 * Integrations and the roles list as the core describes them, plus the page's editor state. Every
 * action answers with the envelope's error (or null) so the component that started it can say why.
 */
import type { StateCreator } from 'zustand'
import type { ErrorInfo } from '../../../../shared/contract/envelope'
import type {
  CreateIntegrationInput,
  Integration,
  UpdateIntegrationInput
} from '../../../../shared/domain/integration'
import type { RoleDto } from '../../../../shared/domain/role'
import type { AppState } from '../../app/store'
import { call } from '../../lib/call'

export type IntegrationEditor = { mode: 'create' } | { mode: 'edit'; id: string }

export type IntegrationsSlice = {
  integrations: Integration[]
  integrationsLoaded: boolean
  integrationsError: string | null
  integrationEditor: IntegrationEditor | null
  /** Integration whose dry-run plan is on screen (the Preview dialog). */
  previewIntegrationId: string | null
  /** Last failure of a row action (launch, run now), shown next to that row. */
  integrationRowErrors: Record<string, string>
  roles: RoleDto[]

  loadIntegrations: () => Promise<void>
  setIntegrations: (list: Integration[]) => void
  openIntegrationEditor: (editor: IntegrationEditor) => void
  closeIntegrationEditor: () => void
  openPreview: (integrationId: string | null) => void
  createIntegration: (input: CreateIntegrationInput) => Promise<ErrorInfo | null>
  updateIntegration: (input: UpdateIntegrationInput) => Promise<ErrorInfo | null>
  duplicateIntegration: (id: string) => Promise<void>
  deleteIntegration: (id: string) => Promise<ErrorInfo | null>
  launchIntegration: (id: string) => Promise<void>
  runIntegrationNow: (id: string) => Promise<void>

  loadRoles: () => Promise<void>
  createRole: (name: string) => Promise<ErrorInfo | null>
  renameRole: (id: string, name: string) => Promise<ErrorInfo | null>
  deleteRole: (id: string) => Promise<ErrorInfo | null>
}

const upsert = (list: Integration[], i: Integration): Integration[] =>
  list.some((x) => x.id === i.id) ? list.map((x) => (x.id === i.id ? i : x)) : [...list, i]

const withoutKey = (rec: Record<string, string>, key: string): Record<string, string> =>
  Object.fromEntries(Object.entries(rec).filter(([k]) => k !== key))

export const createIntegrationsSlice: StateCreator<AppState, [], [], IntegrationsSlice> = (
  set,
  get
) => {
  const rowResult = (id: string, error: ErrorInfo | null): void =>
    set((s) => ({
      integrationRowErrors: error
        ? { ...s.integrationRowErrors, [id]: error.message }
        : withoutKey(s.integrationRowErrors, id)
    }))

  return {
    integrations: [],
    integrationsLoaded: false,
    integrationsError: null,
    integrationEditor: null,
    previewIntegrationId: null,
    integrationRowErrors: {},
    roles: [],

    loadIntegrations: async () => {
      const res = await call('integrations:list', undefined)
      if (res.ok)
        set({ integrations: res.value, integrationsLoaded: true, integrationsError: null })
      else set({ integrationsLoaded: true, integrationsError: res.error.message })
    },
    setIntegrations: (integrations) => set({ integrations, integrationsLoaded: true }),
    openIntegrationEditor: (integrationEditor) => set({ integrationEditor }),
    closeIntegrationEditor: () => set({ integrationEditor: null }),
    openPreview: (previewIntegrationId) => set({ previewIntegrationId }),

    createIntegration: async (input) => {
      const res = await call('integrations:create', input)
      if (!res.ok) return res.error
      set((s) => ({ integrations: upsert(s.integrations, res.value), integrationEditor: null }))
      return null
    },
    updateIntegration: async (input) => {
      const res = await call('integrations:update', input)
      if (!res.ok) return res.error
      set((s) => ({ integrations: upsert(s.integrations, res.value), integrationEditor: null }))
      return null
    },
    duplicateIntegration: async (id) => {
      const res = await call('integrations:duplicate', { id })
      if (res.ok) set((s) => ({ integrations: upsert(s.integrations, res.value) }))
      rowResult(id, res.ok ? null : res.error)
    },
    deleteIntegration: async (id) => {
      const res = await call('integrations:delete', { id })
      if (!res.ok) return res.error
      set((s) => ({ integrations: s.integrations.filter((i) => i.id !== id) }))
      return null
    },
    launchIntegration: async (id) => {
      const res = await call('integrations:launch', { id })
      if (res.ok) set((s) => ({ integrations: upsert(s.integrations, res.value) }))
      rowResult(id, res.ok ? null : res.error)
    },
    runIntegrationNow: async (id) => {
      rowResult(id, null)
      const res = await call('integrations:run-now', { id })
      if (res.ok) get().trackRun(res.value)
      else rowResult(id, res.error)
    },

    loadRoles: async () => {
      const res = await call('roles:list', undefined)
      if (res.ok) set({ roles: res.value })
    },
    createRole: async (name) => {
      const res = await call('roles:create', { name })
      if (!res.ok) return res.error
      await get().loadRoles()
      return null
    },
    renameRole: async (id, name) => {
      const res = await call('roles:rename', { id, name })
      if (!res.ok) return res.error
      await Promise.all([get().loadRoles(), get().loadIntegrations()])
      return null
    },
    deleteRole: async (id) => {
      const res = await call('roles:delete', { id })
      if (!res.ok) return res.error
      await get().loadRoles()
      return null
    }
  }
}
