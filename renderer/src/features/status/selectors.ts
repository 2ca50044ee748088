import type { AppState } from '../../app/store'

export const selectAppReady = (s: AppState): boolean => s.status !== null || s.statusError !== null
export const selectFirstRun = (s: AppState): boolean => s.status?.firstRun ?? false
export const selectDemoRunning = (s: AppState): boolean => s.status?.demoRunning ?? false
export const selectKeychainAvailable = (s: AppState): boolean =>
  s.status?.keychain.available ?? true
