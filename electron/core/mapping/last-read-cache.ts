/**
 * The whole last read, parsed, kept until a sync writes again (the store version changes), and what
 * is derived from it and the records while nothing writes them. Parsing 10,000 people takes a few hundred milliseconds, so the
 * mapping studio starts it in the background when it opens (`warm`): a slice per event-loop turn,
 * so the core keeps answering meanwhile. `get` finishes synchronously whatever is left, so a caller
 * never waits for the warm-up and never sees a half-read or stale last read.
 */
import type { LastRead, LastReadPerson } from './last-read'

export type LastReadSnapshot = { version: number; people: readonly LastReadPerson[] }

type Load = {
  version: number
  people: LastReadPerson[]
  /** Where the next slice starts ('' for the first); null once everyone is read. */
  next: string | null
  /** Values derived from the last read and the records, valid while `stamp` is unchanged. */
  derived: Map<string, unknown>
  stamp: string
}

export function createLastReadCache(
  lastRead: LastRead,
  opts: { warmSlice?: number; syncSlice?: number } = {}
) {
  const warmSlice = opts.warmSlice ?? 250
  const syncSlice = opts.syncSlice ?? 2000
  let load: Load | null = null
  let warming: Promise<void> | null = null

  /** The load for the current store version (a new, empty one when a sync wrote since). */
  const current = (): Load => {
    const version = lastRead.version()
    if (load?.version !== version)
      load = { version, people: [], next: '', derived: new Map<string, unknown>(), stamp: '' }
    return load
  }
  const step = (l: Load, n: number) => {
    if (l.next === null) return
    const r = lastRead.page(l.next, n)
    for (const p of r.people) l.people.push(p)
    l.next = r.next
  }

  /** The whole last read of the current store version. */
  const get = (): LastReadSnapshot => {
    const l = current()
    while (l.next !== null) step(l, syncSlice)
    return l
  }

  return {
    get,

    /**
     * Starts reading the last read in the background, then runs `more` over it (one step of its
     * iterator per turn, e.g. to fill `derived` values); resolves when all is done, or when the
     * warm-up gave up (a sync wrote meanwhile, or the store closed): `get` then does the rest.
     */
    warm(more?: (s: LastReadSnapshot) => Iterable<void>): Promise<void> {
      warming ??= new Promise<void>((resolve) => {
        const done = () => {
          warming = null
          resolve()
        }
        let version: number | null = null
        let after: Iterator<void> | null = null
        const turn = () => {
          try {
            const l = current()
            version ??= l.version
            if (l.version !== version) return done()
            if (l.next !== null) step(l, warmSlice)
            else if (!more) return done()
            else {
              after ??= more(l)[Symbol.iterator]()
              if (after.next().done) return done()
            }
            setImmediate(turn)
          } catch {
            // Only an optimisation: `get` reads what is missing (and reports any real error).
            done()
          }
        }
        setImmediate(turn)
      })
      return warming
    },

    /**
     * `compute()` once while the records stay as they are (lastRead.recordsStamp): e.g. the plan
     * states, the planner's store reads, or who the saved configuration skips.
     */
    derived<T>(key: string, compute: (s: LastReadSnapshot) => T): T {
      const l = current()
      const stamp = lastRead.recordsStamp()
      if (l.stamp !== stamp) {
        l.derived.clear()
        l.stamp = stamp
      }
      if (!l.derived.has(key)) l.derived.set(key, compute(get()))
      return l.derived.get(key) as T
    }
  }
}
export type LastReadCache = ReturnType<typeof createLastReadCache>
