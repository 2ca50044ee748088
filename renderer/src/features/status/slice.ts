/** The app's health as the core reports it: first run, demo, keychain and database state. */
import type { StateCreator } from 'zustand'
import type { AppStatus } from '../../../../shared/contract/app-status'
import type { AppState } from '../../app/store'
import { call } from '../../lib/call'

export type StatusSlice = {
  status: AppStatus | null
  /** Set when even the first status call failed: the UI cannot say anything reliable. */
  statusError: string | null
  loadStatus: () => Promise<void>
  setStatus: (status: AppStatus) => void
}

export const createStatusSlice: StateCreator<AppState, [], [], StatusSlice> = (set) => ({
  status: null,
  statusError: null,
  loadStatus: async () => {
    const res = await call('app:get-status', undefined)
    if (res.ok) set({ status: res.value, statusError: null })
    else set({ statusError: res.error.message })
  },
  setStatus: (status) => set({ status })
})
