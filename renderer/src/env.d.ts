import type { RosterApi } from '../../shared/contract/api'

declare global {
  interface Window {
    /** Built by the preload (Electron) or the test host's bridge: the renderer's only way out. */
    readonly roster: RosterApi
  }
}

export {}
