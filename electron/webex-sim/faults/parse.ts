/**
 * Parses the CLI form of a fault, `kind:key=value,key=value`, e.g. `rate-limit:everyNth=10,retryAfterSec=3`.
 * Throws with a message that says what is wrong (the CLI prints it and exits).
 */
import type { FaultSpec } from '../types'

const REQUIRED: Record<FaultSpec['kind'], string[]> = {
  'rate-limit': ['retryAfterSec'],
  'server-error': ['status', 'count'],
  'timeout-above-max': ['maxAbove'],
  'reset-mid-body': [],
  slow: ['delayMs'],
  'unauthorized-from': ['request'],
  'next-loop': ['onPage', 'toPage'],
  'repeat-page': ['onPage'],
  'foreign-next': ['onPage', 'origin'],
  'short-listing': ['share'],
  'malformed-page': ['onPage', 'variant']
}
const STRING_KEYS = new Set(['origin', 'variant'])

export const FAULT_KINDS = Object.keys(REQUIRED) as FaultSpec['kind'][]

export function parseFault(text: string): FaultSpec {
  const colon = text.indexOf(':')
  const kind = (colon < 0 ? text : text.slice(0, colon)).trim()
  if (!(kind in REQUIRED)) {
    throw new Error(`Unknown fault kind "${kind}". Known: ${FAULT_KINDS.join(', ')}`)
  }
  const spec: Record<string, string | number> = { kind }
  const rest = colon < 0 ? '' : text.slice(colon + 1)
  for (const pair of rest.split(',').filter((s) => s.trim() !== '')) {
    const eq = pair.indexOf('=')
    if (eq < 0) throw new Error(`Fault option "${pair}" must be key=value`)
    const key = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1).trim()
    if (STRING_KEYS.has(key)) {
      spec[key] = value
    } else {
      const n = Number(value)
      if (value === '' || !Number.isFinite(n))
        throw new Error(`Fault option ${key} must be a number`)
      spec[key] = n
    }
  }
  for (const key of REQUIRED[kind as FaultSpec['kind']]) {
    if (!(key in spec)) throw new Error(`Fault ${kind} needs ${key}=...`)
  }
  if (
    spec.kind === 'malformed-page' &&
    !['invalid-json', 'no-items', 'wrong-types'].includes(String(spec.variant))
  ) {
    throw new Error('malformed-page variant must be invalid-json, no-items or wrong-types')
  }
  // The shape was checked key by key above against the FaultSpec union.
  return spec as unknown as FaultSpec
}
