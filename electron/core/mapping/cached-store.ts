/**
 * The store as the planner reads it (DecideStore), answering from memory what it has already read:
 * the impact preview plans the same 10,000 people again on every draft change, and their records
 * do not change meanwhile (any write starts a new one of these: last-read-cache). Lookups by sync
 * key go to SQLite every time (its NOCASE matching stays the one the sync uses); they are few.
 */
import type { DecideStore } from '../sync/match'

/** `lookup` per batch of keys, each key read from SQLite at most once. Rows come in key order. */
export function memoLookup<R>(
  lookup: (keys: readonly string[]) => R[],
  keyOf: (row: R) => string
): (keys: readonly string[]) => R[] {
  const known = new Map<string, R | null>()
  return (keys) => {
    const missing = [...new Set(keys.filter((k) => !known.has(k)))]
    if (missing.length > 0) {
      for (const k of missing) known.set(k, null)
      for (const r of lookup(missing)) known.set(keyOf(r), r)
    }
    const out: R[] = []
    for (const k of keys) {
      const r = known.get(k)
      if (r) out.push(r)
    }
    return out
  }
}

export function cachedDecideStore(store: DecideStore): DecideStore {
  return {
    people: {
      ...store.people,
      hashesByWebexIds: memoLookup(
        (ids) => store.people.hashesByWebexIds(ids),
        (r) => r.webex_id
      ),
      findByIds: memoLookup(
        (ids) => store.people.findByIds(ids),
        (r) => r.id
      )
    },
    saas: {
      ...store.saas,
      hashesByWebexIds: memoLookup(
        (ids) => store.saas.hashesByWebexIds(ids),
        (r) => r.webex_id
      ),
      findByIds: memoLookup(
        (ids) => store.saas.findByIds(ids),
        (r) => r.id
      )
    }
  }
}
