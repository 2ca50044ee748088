/**
 * The value of a mapping source for one Webex person: a standard field, a custom API field expression
 * over the raw person (path, template, constant), or nothing for `constant` (the transform supplies it).
 * Pure; expressions are parsed once and cached.
 */
import { parseCached, evaluateExpression } from '../../../shared/domain/mapping-expression'
import type { Person } from '../webex/schemas'

/** The value of a standard Webex field (`syncTime` is the run's time); undefined for other keys. */
export function standardValue(p: Person, key: string, syncTime: string): unknown {
  switch (key) {
    case 'created':
      return p.created ?? null
    case 'displayName':
      return p.displayName ?? null
    case 'email':
      return p.emails?.[0] ?? null
    case 'firstName':
      return p.firstName ?? null
    case 'id':
      return p.id
    case 'invitePending':
      return p.invitePending ?? null
    case 'lastModified':
      return p.lastModified ?? null
    case 'lastName':
      return p.lastName ?? null
    case 'orgId':
      return p.orgId ?? null
    case 'status':
      return p.status ?? null
    case 'type':
      return p.type ?? null
    case 'syncTime':
      return syncTime
    default:
      return undefined
  }
}

/**
 * The source's value: scalars, lists (wildcard/filter paths, `$.emails`) or objects stay as they are
 * so transforms can work on them; `null` when absent. `raw` is the person as Webex sent it (falls back
 * to the parsed person when the raw JSON is not at hand).
 */
export function sourceValue(p: Person, raw: unknown, source: string, syncTime: string): unknown {
  if (source === 'constant') return null
  const standard = standardValue(p, source, syncTime)
  if (standard !== undefined) return standard
  const parsed = parseCached(source)
  if (!parsed.ok) return null
  return evaluateExpression(parsed.expr, raw ?? p)
}

const NO_PERSON = { id: '' } as Person

/** Whether a source is evaluated over the raw person: anything but a standard field or `constant`. */
export function readsRawPerson(source: string): boolean {
  return source !== 'constant' && standardValue(NO_PERSON, source, '') === undefined
}
