/** Plain words for the integration settings an admin reads in lists and forms. */
import type {
  BuiltInSyncKey,
  IngestFilter,
  Preference,
  RecordScope,
  Schedule
} from '../../../../shared/domain/integration'

export const SCOPE_LABELS: Record<RecordScope, string> = {
  user: 'User only',
  'user-and-saas': 'User plus SaaS user'
}

export const PREFERENCE_LABELS: Record<Preference, string> = {
  'create-update': 'Create & Update',
  'create-only': 'Create only',
  'update-only': 'Update only'
}

export const SYNC_KEY_LABELS: Record<BuiltInSyncKey, string> = {
  email: 'Email',
  username: 'Username',
  webexId: 'Webex ID'
}

export const FILTER_FIELD_LABELS: Record<IngestFilter['field'], string> = {
  type: 'Type',
  status: 'Status',
  emailDomain: 'Email domain',
  invitePending: 'Invite pending',
  loginEnabled: 'Login enabled'
}

export function scheduleSummary(s: Schedule): string {
  if (!s.enabled) return 'Manual only'
  if (s.mode === 'time-of-day') return `Daily at ${s.timeOfDay}`
  const unit = s.intervalUnit === 'minutes' ? 'minute' : 'hour'
  return s.intervalValue === 1 ? `Every ${unit}` : `Every ${s.intervalValue} ${unit}s`
}
