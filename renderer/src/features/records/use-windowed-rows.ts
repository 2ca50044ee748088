/**
 * Rows of a long server-side list, fetched in windows on demand: only the windows the visible range
 * touches are requested (after a short settle, so a fling does not fetch every window it passes), and
 * a bounded number of windows is kept. Changing `queryKey` (sort, search, filters, a finished run)
 * starts a new cache; the old rows stay on screen until the first new window arrives.
 */
import { useEffect, useRef, useState } from 'react'
import type { Envelope } from '../../../../shared/contract/envelope'

export const WINDOW_SIZE = 200
const MAX_WINDOWS = 30
const SETTLE_MS = 40

export type Page<T> = { rows: T[]; total: number }
export type FetchWindow<T> = (offset: number, limit: number) => Promise<Envelope<Page<T>>>

type Cache<T> = {
  key: string
  total: number | null
  windows: Record<number, T[]>
  error: string | null
}

export type WindowedRows<T> = {
  /** Rows in the list (null until the first window of this query arrived). */
  total: number | null
  error: string | null
  /** True while the shown rows belong to an older query. */
  stale: boolean
  getRow: (index: number) => T | undefined
}

/** Keeps the windows nearest to `around` when the cache grows past its bound. */
function bounded<T>(windows: Record<number, T[]>, around: number): Record<number, T[]> {
  const keys = Object.keys(windows).map(Number)
  if (keys.length <= MAX_WINDOWS) return windows
  const keep = keys
    .sort((a, b) => Math.abs(a - around) - Math.abs(b - around))
    .slice(0, MAX_WINDOWS)
  return Object.fromEntries(keep.map((k) => [k, windows[k] ?? []]))
}

export function useWindowedRows<T>(
  fetchWindow: FetchWindow<T>,
  queryKey: string,
  range: { start: number; end: number }
): WindowedRows<T> {
  const [cache, setCache] = useState<Cache<T>>({
    key: '',
    total: null,
    windows: {},
    error: null
  })
  const inFlight = useRef(new Set<string>())
  const first = Math.floor(range.start / WINDOW_SIZE)
  const last = Math.floor(Math.max(range.start, range.end) / WINDOW_SIZE)
  const current = cache.key === queryKey

  useEffect(() => {
    // A failed query waits for a new key (or a retry) rather than asking again in a loop.
    if (current && cache.error) return
    const wanted: number[] = []
    for (let w = first; w <= last; w++) {
      const have = current && cache.windows[w] !== undefined
      if (!have && !inFlight.current.has(`${queryKey}#${w}`)) wanted.push(w)
    }
    if (wanted.length === 0) return
    const timer = setTimeout(
      () => {
        for (const w of wanted) {
          const tag = `${queryKey}#${w}`
          inFlight.current.add(tag)
          void fetchWindow(w * WINDOW_SIZE, WINDOW_SIZE).then((res) => {
            inFlight.current.delete(tag)
            setCache((c) => {
              const base = c.key === queryKey ? c : { key: queryKey, total: null, windows: {} }
              if (!res.ok) return { ...base, error: res.error.message }
              return {
                key: queryKey,
                total: res.value.total,
                windows: bounded({ ...base.windows, [w]: res.value.rows }, w),
                error: null
              }
            })
          })
        }
      },
      // The first window of a new query goes at once; scrolling settles briefly first.
      current ? SETTLE_MS : 0
    )
    return () => clearTimeout(timer)
  }, [fetchWindow, queryKey, first, last, current, cache.windows, cache.error])

  return {
    total: cache.total,
    error: cache.error,
    stale: !current,
    getRow: (index) => cache.windows[Math.floor(index / WINDOW_SIZE)]?.[index % WINDOW_SIZE]
  }
}
