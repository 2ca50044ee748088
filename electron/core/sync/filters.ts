/** Ingest filters (all must hold). Returns a plain-language reason when a person is filtered out. */
import type { IngestFilter } from '../../../shared/domain/integration'
import type { Person } from '../webex/schemas'

function fieldValue(p: Person, field: IngestFilter['field']): string | null {
  switch (field) {
    case 'type':
      return p.type ?? null
    case 'status':
      return p.status ?? null
    case 'emailDomain': {
      const email = p.emails?.[0]
      return email && email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : null
    }
    case 'invitePending':
      return p.invitePending === undefined ? null : String(p.invitePending)
    case 'loginEnabled':
      return p.loginEnabled === undefined ? null : String(p.loginEnabled)
  }
}

const LABELS: Record<IngestFilter['field'], string> = {
  type: 'type',
  status: 'status',
  emailDomain: 'email domain',
  invitePending: 'invite pending',
  loginEnabled: 'login enabled'
}

export function filterOutReason(p: Person, filters: readonly IngestFilter[]): string | null {
  for (const f of filters) {
    const actual = fieldValue(p, f.field)
    const equal = actual !== null && actual.toLowerCase() === f.value.toLowerCase()
    if (f.op === 'is' ? !equal : equal)
      return `Filtered out: ${LABELS[f.field]} is ${actual ?? 'empty'} (filter: ${LABELS[f.field]} ${f.op} ${f.value})`
  }
  return null
}
