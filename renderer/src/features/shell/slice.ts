/** Which view is showing: a tiny in-store router (no URL, so nothing to spoof from outside). */
import type { StateCreator } from 'zustand'
import type { AppState } from '../../app/store'
import type { View } from '../../app/views'

export type ShellSlice = {
  view: View
  navigate: (view: View) => void
}

export const createShellSlice: StateCreator<AppState, [], [], ShellSlice> = (set) => ({
  view: 'dashboard',
  navigate: (view) => set({ view })
})
