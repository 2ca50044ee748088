/**
 * performance.md's "ingest throughput floor (any page)", from the run log's page timings. A page's
 * rows are stored only when its commit ends, and the engine commits a few pages at a time, so one
 * page's own interval says little: the pages of a commit are written back to back in a few ms each,
 * and the next one's interval carries the commit and the listing's receiving of the following pages.
 * The floor is therefore taken over every run of `window` consecutive pages (the pages of one
 * commit): the slowest such stretch of the run, from its first page's write to the next page's.
 */
export type LoggedPage = { items: number; written: number; at: string }

export type PageThroughput = {
  /** The slowest window's rows written per second (rows: the engine's records_written). */
  minRowsPerSec: number
  /** The same window's people per second. */
  minPeoplePerSec: number
  /** The median window's rows per second. */
  medianRowsPerSec: number
}

/** `finishedAt` closes the last page's interval. Null when the run has fewer pages than `window`. */
export function pageThroughput(
  pages: readonly LoggedPage[],
  finishedAt: string,
  window: number
): PageThroughput | null {
  if (window < 1 || pages.length < window) return null
  const times = [...pages.map((p) => Date.parse(p.at)), Date.parse(finishedAt)]
  const windows: { rows: number; people: number }[] = []
  for (let k = 0; k + window <= pages.length; k++) {
    const span = pages.slice(k, k + window)
    // Timestamps have millisecond resolution: a window is at least 1 ms long.
    const seconds = Math.max(1, (times[k + window] ?? 0) - (times[k] ?? 0)) / 1000
    const sum = (f: (p: LoggedPage) => number) => span.reduce((n, p) => n + f(p), 0)
    windows.push({ rows: sum((p) => p.written) / seconds, people: sum((p) => p.items) / seconds })
  }
  const slowest = windows.reduce((a, b) => (b.rows < a.rows ? b : a))
  const sorted = windows.map((w) => w.rows).sort((a, b) => a - b)
  return {
    minRowsPerSec: slowest.rows,
    minPeoplePerSec: slowest.people,
    medianRowsPerSec: sorted[Math.floor(sorted.length / 2)] ?? 0
  }
}
