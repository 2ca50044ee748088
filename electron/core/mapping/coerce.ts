/**
 * Turns a mapped value (scalar, list, object or null) into what a target field stores. Lists become
 * text joined with ", " (a single item stays itself), objects their JSON; numbers, booleans and dates
 * follow the field's type. Pure.
 */
import type { TargetFieldType } from '../../../shared/domain/custom-field'
import { textOf } from '../../../shared/domain/mapping-expression'
import type { Scalar } from '../sync/record-values'

export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (Array.isArray(v)) {
    const items = v.filter((x) => x !== null && x !== undefined && x !== '')
    if (items.length === 0) return null
    if (items.length === 1) return toScalar(items[0])
    return textOf(items)
  }
  return JSON.stringify(v)
}

export const textValue = (v: unknown): string | null => {
  const s = toScalar(v)
  return s === null ? null : String(s)
}

export function boolValue(v: unknown): boolean | null {
  const s = toScalar(v)
  if (s === null) return null
  if (typeof s === 'boolean') return s
  if (typeof s === 'number') return s === 1
  const t = s.trim().toLowerCase()
  return t === 'true' || t === 'yes' || t === '1'
}

export function numberValue(v: unknown): number | null {
  const s = toScalar(v)
  if (s === null || typeof s === 'boolean') return null
  if (typeof s === 'number') return s
  const t = s.trim()
  if (t === '' || !/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(t)) return null
  const n = Number(t.replace(',', '.'))
  return Number.isFinite(n) ? n : null
}

/** A date field keeps YYYY-MM-DD; a date-time keeps the text as sent (no spurious diffs). */
export function toTargetValue(v: unknown, type: TargetFieldType | undefined): Scalar {
  switch (type) {
    case 'number':
      return numberValue(v)
    case 'boolean':
      return boolValue(v)
    case 'date': {
      const s = textValue(v)
      if (s === null) return null
      if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10)
      const ms = Date.parse(s)
      return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : s
    }
    default:
      return toScalar(v)
  }
}
