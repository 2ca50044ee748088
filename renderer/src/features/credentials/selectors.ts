import type { Credential } from '../../../../shared/domain/credential'
import type { AppState } from '../../app/store'

export const selectCredentials = (s: AppState): Credential[] => s.credentials
export const selectCredential =
  (id: string) =>
  (s: AppState): Credential | undefined =>
    s.credentials.find((c) => c.id === id)
export const selectIsAuthenticating =
  (id: string) =>
  (s: AppState): boolean =>
    s.authenticatingIds.includes(id)
export const selectRowError =
  (id: string) =>
  (s: AppState): string | undefined =>
    s.rowErrors[id]
