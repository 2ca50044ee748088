/**
 * Credentials as the core describes them (never a secret), plus the page's transient UI state.
 * Secrets typed into the form travel straight through `createCredential`/`updateCredential` to the
 * core and are never `set()` into this store.
 */
import type { StateCreator } from 'zustand'
import type { ErrorInfo } from '../../../../shared/contract/envelope'
import type {
  CreateCredentialInput,
  Credential,
  UpdateCredentialInput
} from '../../../../shared/domain/credential'
import type { AppState } from '../../app/store'
import { call } from '../../lib/call'

export type CredentialEditor = { mode: 'create' } | { mode: 'edit'; id: string }

export type CredentialsSlice = {
  credentials: Credential[]
  credentialsLoaded: boolean
  credentialsError: string | null
  editor: CredentialEditor | null
  /** Credentials whose OAuth flow is waiting for the admin in the system browser. */
  authenticatingIds: string[]
  /** Last failure of a row action (authenticate, verify), shown next to that row. */
  rowErrors: Record<string, string>
  demoError: string | null
  demoStarting: boolean

  loadCredentials: () => Promise<void>
  setCredentials: (credentials: Credential[]) => void
  openEditor: (editor: CredentialEditor) => void
  closeEditor: () => void
  createCredential: (input: CreateCredentialInput) => Promise<ErrorInfo | null>
  updateCredential: (input: UpdateCredentialInput) => Promise<ErrorInfo | null>
  deleteCredential: (id: string) => Promise<ErrorInfo | null>
  authenticate: (id: string) => Promise<void>
  cancelAuthentication: (id: string) => Promise<void>
  verify: (id: string) => Promise<void>
  startDemo: () => Promise<void>
}

const upsert = (list: Credential[], c: Credential): Credential[] =>
  list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c]

const withoutKey = (rec: Record<string, string>, key: string): Record<string, string> =>
  Object.fromEntries(Object.entries(rec).filter(([k]) => k !== key))

export const createCredentialsSlice: StateCreator<AppState, [], [], CredentialsSlice> = (
  set,
  get
) => {
  /** Runs a row action and records its error (or clears the old one) for that row. */
  const rowAction = async (
    id: string,
    run: () => ReturnType<typeof call<'credentials:verify'>>
  ): Promise<void> => {
    set((s) => ({ rowErrors: withoutKey(s.rowErrors, id) }))
    const res = await run()
    if (res.ok) set((s) => ({ credentials: upsert(s.credentials, res.value) }))
    else set((s) => ({ rowErrors: { ...s.rowErrors, [id]: res.error.message } }))
  }

  return {
    credentials: [],
    credentialsLoaded: false,
    credentialsError: null,
    editor: null,
    authenticatingIds: [],
    rowErrors: {},
    demoError: null,
    demoStarting: false,

    loadCredentials: async () => {
      const res = await call('credentials:list', undefined)
      if (res.ok) set({ credentials: res.value, credentialsLoaded: true, credentialsError: null })
      else set({ credentialsLoaded: true, credentialsError: res.error.message })
    },
    setCredentials: (credentials) => set({ credentials, credentialsLoaded: true }),
    openEditor: (editor) => set({ editor }),
    closeEditor: () => set({ editor: null }),

    createCredential: async (input) => {
      const res = await call('credentials:create', input)
      if (!res.ok) return res.error
      set((s) => ({ credentials: upsert(s.credentials, res.value), editor: null }))
      return null
    },
    updateCredential: async (input) => {
      const res = await call('credentials:update', input)
      if (!res.ok) return res.error
      set((s) => ({ credentials: upsert(s.credentials, res.value), editor: null }))
      return null
    },
    deleteCredential: async (id) => {
      const res = await call('credentials:delete', { id })
      if (!res.ok) return res.error
      set((s) => ({ credentials: s.credentials.filter((c) => c.id !== id) }))
      return null
    },

    authenticate: async (id) => {
      if (get().authenticatingIds.includes(id)) return
      set((s) => ({ authenticatingIds: [...s.authenticatingIds, id] }))
      try {
        await rowAction(id, () => call('credentials:authenticate', { id }))
      } finally {
        set((s) => ({ authenticatingIds: s.authenticatingIds.filter((x) => x !== id) }))
      }
    },
    cancelAuthentication: async (id) => {
      // The pending authenticate call then ends with AUTH_CANCELLED and clears the progress state.
      await call('credentials:cancel-authentication', { id })
    },
    verify: (id) => rowAction(id, () => call('credentials:verify', { id })),

    startDemo: async () => {
      set({ demoStarting: true, demoError: null })
      const res = await call('demo:start', undefined)
      if (res.ok) {
        set((s) => ({ credentials: upsert(s.credentials, res.value), demoStarting: false }))
        await get().loadStatus()
      } else {
        set({ demoStarting: false, demoError: res.error.message })
      }
    }
  }
}
