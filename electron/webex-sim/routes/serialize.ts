/**
 * Wire JSON of a person. Presence (status, lastActivity) is left out for `id=` lookups and excludeStatus.
 *
 * A listing page serves each person's bytes from a cache: serialising, joining and UTF-8 encoding a
 * 1.4 MB page cost the simulator ≈ 30 ms of CPU per page, taken from the client it shares a 2-core
 * machine with in the benchmarks. People are never changed in place (the store swaps in a new object
 * on every change), so a cache keyed by the object cannot go stale.
 */
import type { PersonWire } from '../../core/webex/schemas'

export function serializePerson(p: PersonWire, omitPresence = false): string {
  if (!omitPresence) return JSON.stringify(p)
  const { status: _status, lastActivity: _lastActivity, ...rest } = p
  return JSON.stringify(rest)
}

const wireCache = new WeakMap<PersonWire, Buffer>()

/** UTF-8 bytes of `serializePerson(p)` (with presence), serialised once per version of a person. */
export function personBytes(p: PersonWire): Buffer {
  let bytes = wireCache.get(p)
  if (!bytes) {
    bytes = Buffer.from(serializePerson(p), 'utf8')
    wireCache.set(p, bytes)
  }
  return bytes
}

const COMMA = Buffer.from(',')

/**
 * `{"items":[…]}` from each person's bytes: cached ones copied into the page, no string building.
 * Without presence (excludeStatus), each person is serialised afresh.
 */
export function itemsPageBytes(people: readonly PersonWire[], omitPresence = false): Buffer {
  const parts: Buffer[] = [Buffer.from('{"items":[')]
  people.forEach((p, i) => {
    if (i > 0) parts.push(COMMA)
    parts.push(omitPresence ? Buffer.from(serializePerson(p, true), 'utf8') : personBytes(p))
  })
  parts.push(Buffer.from(']}'))
  return Buffer.concat(parts)
}
