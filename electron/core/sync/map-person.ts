/**
 * Applies an integration's mapping to one Webex person: standard fields, simple JSON paths over the
 * raw person, constants, and the small set of transforms the contract defines. Pure.
 */
import type { Mapping, MappingTransform } from '../../../shared/domain/mapping'
import type { Person } from '../webex/schemas'
import { emptyPersonValues, type PersonValues, type SaasValues, type Scalar } from './record-values'

/** The value of a standard Webex field (`syncTime` is the run's time). */
export function standardValue(p: Person, key: string, syncTime: string): Scalar | undefined {
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

/** `$.a.b[0].c` over a parsed JSON value; anything not a scalar becomes its JSON text. */
export function jsonPathValue(raw: unknown, path: string): Scalar {
  const steps = path
    .slice(1)
    .split(/\.|(?=\[)/)
    .filter(Boolean)
  let cur: unknown = raw
  for (const step of steps) {
    if (cur === null || typeof cur !== 'object') return null
    const index = /^\[(\d+)\]$/.exec(step)
    cur = index
      ? Array.isArray(cur)
        ? cur[Number(index[1])]
        : undefined
      : (cur as Record<string, unknown>)[step]
  }
  if (cur === undefined || cur === null) return null
  if (typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean') return cur
  return JSON.stringify(cur)
}

function transform(v: Scalar, t: MappingTransform | undefined): Scalar {
  if (!t) return v
  if (t.kind === 'constant') return t.value
  if (typeof v !== 'string') return v
  switch (t.kind) {
    case 'lowercase':
      return v.toLowerCase()
    case 'uppercase':
      return v.toUpperCase()
    case 'trim':
      return v.trim()
    case 'email-part': {
      const at = v.lastIndexOf('@')
      if (at < 0) return t.part === 'local' ? v : null
      return t.part === 'local' ? v.slice(0, at) : v.slice(at + 1)
    }
  }
}

const text = (v: Scalar): string | null => (v === null ? null : String(v))
const boolOf = (v: Scalar): boolean | null =>
  v === null ? null : typeof v === 'boolean' ? v : v === 'true' || v === 1

/** Maps one person. The Webex ID is always kept (rename-safe matching), whatever the mapping says. */
export function mapPerson(
  p: Person,
  raw: unknown,
  mapping: Mapping,
  syncTime: string
): PersonValues {
  const out = emptyPersonValues()
  for (const entry of mapping) {
    const source =
      entry.source === 'constant'
        ? null
        : entry.source.startsWith('$')
          ? jsonPathValue(raw, entry.source)
          : (standardValue(p, entry.source, syncTime) ?? null)
    const value = transform(source, entry.transform)
    const t = entry.target
    if (t.startsWith('custom.')) out.custom[t.slice(7)] = value
    else if (t === 'invitePending') out.invitePending = boolOf(value)
    else if (t === 'syncTime')
      continue // stamped by the writer on records it loads
    else if (t in out) (out as unknown as Record<string, string | null>)[t] = text(value)
  }
  out.webexId = p.id
  return out
}

/** Webex account values for the SaaS user record; role and licence ids resolved to names. */
export function mapSaasUser(
  p: Person,
  names: { roles: ReadonlyMap<string, string>; licenses: ReadonlyMap<string, string> }
): SaasValues {
  return {
    webexId: p.id,
    email: p.emails?.[0]?.toLowerCase() ?? null,
    displayName: p.displayName ?? null,
    roles: (p.roles ?? []).map((id) => names.roles.get(id) ?? id),
    status: p.status ?? null,
    lastActivity: p.lastActivity ?? null,
    licenses: (p.licenses ?? []).map((id) => names.licenses.get(id) ?? id),
    invitePending: p.invitePending ?? null,
    loginEnabled: p.loginEnabled ?? null,
    type: p.type ?? null
  }
}
