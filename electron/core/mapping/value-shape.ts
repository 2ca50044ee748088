/** Recognises what a value looks like (email, phone, date-time...), for samples and Smart Mapping. */
import type { ValueShape } from '../../../shared/domain/mapping-studio'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[\d\s().-]{7,20}$/
const URL_RE = /^https?:\/\/\S+$/i
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/
const WEBEX_ID = /^[A-Za-z0-9+/_=-]{30,}$/

export function shapeOf(v: unknown): ValueShape {
  if (v === null || v === undefined || v === '') return 'empty'
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'number') return 'number'
  if (Array.isArray(v)) return v.length === 1 ? shapeOf(v[0]) : 'list'
  if (typeof v === 'object') return 'object'
  if (typeof v !== 'string') return 'text'
  const s = v.trim()
  if (s === 'true' || s === 'false') return 'boolean'
  if (EMAIL.test(s)) return 'email'
  if (DATE_TIME.test(s) && Number.isFinite(Date.parse(s))) return 'date-time'
  if (URL_RE.test(s)) return 'url'
  if (/^-?\d+(\.\d+)?$/.test(s) && s.length < 7) return 'number'
  if (PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 7) return 'phone'
  if (WEBEX_ID.test(s) && !s.includes(' ')) return 'id'
  return 'text'
}

/** The most common non-empty shape of several values (ties: the first seen). */
export function dominantShape(values: readonly unknown[], fallback: ValueShape): ValueShape {
  const counts = new Map<ValueShape, number>()
  for (const v of values) {
    const s = shapeOf(v)
    if (s !== 'empty') counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  let best: ValueShape = fallback
  let n = 0
  for (const [s, c] of counts)
    if (c > n) {
      best = s
      n = c
    }
  return best
}
