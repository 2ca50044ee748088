/** Wire JSON of a person. Presence (status, lastActivity) is left out for `id=` lookups and excludeStatus. */
import type { PersonWire } from '../../core/webex/schemas'

export function serializePerson(p: PersonWire, omitPresence = false): string {
  if (!omitPresence) return JSON.stringify(p)
  const { status: _status, lastActivity: _lastActivity, ...rest } = p
  return JSON.stringify(rest)
}
