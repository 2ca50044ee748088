import type { AuthType, CredentialStatus } from '../../../../shared/domain/credential'

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  oauth: 'OAuth 2.0 integration',
  token: 'Access token'
}

export const STATUS_LABELS: Record<CredentialStatus, string> = {
  'not-authorized': 'Not authorized',
  authorized: 'Authorized',
  expired: 'Expired',
  'reauth-required': 'Re-authorization needed'
}
