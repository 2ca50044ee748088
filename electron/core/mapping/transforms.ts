/**
 * The transform chain of a mapping entry: each step takes the previous value (a scalar, a list or
 * null) and returns the next. Text steps work on every item of a list. Pure.
 */
import type { MappingEntry, MappingTransform } from '../../../shared/domain/mapping'
import { textOf } from '../../../shared/domain/mapping-expression'

export type NameMaps = {
  roles: ReadonlyMap<string, string>
  licenses: ReadonlyMap<string, string>
}
export const NO_NAMES: NameMaps = { roles: new Map(), licenses: new Map() }

export const isEmptyValue = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/** The transforms of an entry in order: the stored single `transform` first, then `transforms`. */
export const transformChain = (e: Pick<MappingEntry, 'transform' | 'transforms'>) => [
  ...(e.transform ? [e.transform] : []),
  ...(e.transforms ?? [])
]

const eachText = (v: unknown, fn: (s: string) => unknown): unknown =>
  Array.isArray(v) ? v.map((x) => eachText(x, fn)) : typeof v === 'string' ? fn(v) : v

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** `ISO` or tokens YYYY MM DD HH mm ss, in UTC. Null when `text` is not a date. */
export function formatDate(text: string, format: string): string | null {
  const ms = Date.parse(text)
  if (!Number.isFinite(ms)) return null
  const d = new Date(ms)
  if (format === 'ISO') return d.toISOString()
  const parts: Record<string, string> = {
    YYYY: pad(d.getUTCFullYear(), 4),
    MM: pad(d.getUTCMonth() + 1),
    DD: pad(d.getUTCDate()),
    HH: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
    ss: pad(d.getUTCSeconds())
  }
  return format.replace(/YYYY|MM|DD|HH|mm|ss/g, (t) => parts[t] ?? t)
}

/** Role/licence IDs may arrive comma-joined (webex-api.md §2.2): split before looking them up. */
function namesOf(v: unknown, names: ReadonlyMap<string, string>): unknown {
  if (isEmptyValue(v)) return v
  const ids = (Array.isArray(v) ? v : [v])
    .flatMap((x) => (typeof x === 'string' ? x.split(',') : [textOf(x)]))
    .map((s) => s.trim())
    .filter(Boolean)
  return ids.map((id) => names.get(id) ?? id)
}

export function applyTransform(v: unknown, t: MappingTransform, names: NameMaps): unknown {
  switch (t.kind) {
    case 'constant':
      return t.value
    case 'lowercase':
      return eachText(v, (s) => s.toLowerCase())
    case 'uppercase':
      return eachText(v, (s) => s.toUpperCase())
    case 'trim':
      return eachText(v, (s) => s.trim())
    case 'email-part':
      return eachText(v, (s) => {
        const at = s.lastIndexOf('@')
        if (at < 0) return t.part === 'local' ? s : null
        return t.part === 'local' ? s.slice(0, at) : s.slice(at + 1)
      })
    case 'join':
      return Array.isArray(v)
        ? v
            .map(textOf)
            .filter((s) => s !== '')
            .join(t.separator)
        : v
    case 'first':
      return Array.isArray(v) ? ((v[0] as unknown) ?? null) : v
    case 'date':
      return eachText(v, (s) => formatDate(s, t.format))
    case 'role-names':
      return namesOf(v, names.roles)
    case 'license-names':
      return namesOf(v, names.licenses)
    case 'default':
      return isEmptyValue(v) ? t.value : v
  }
}

export function applyTransforms(
  v: unknown,
  chain: readonly MappingTransform[],
  names: NameMaps = NO_NAMES
): unknown {
  let cur = v
  for (const t of chain) cur = applyTransform(cur, t, names)
  return cur
}
