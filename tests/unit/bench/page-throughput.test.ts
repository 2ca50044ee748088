import { describe, expect, it } from 'vitest'
import { pageThroughput, type LoggedPage } from '../../bench/support/page-throughput'

const at = (ms: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, 0) + ms).toISOString()
const page = (ms: number, written = 3000, items = 1000): LoggedPage => ({
  items,
  written,
  at: at(ms)
})

describe('pageThroughput', () => {
  it('takes the slowest window of consecutive pages, the last one closed by the run end', () => {
    // Two commits of two pages: 0–200 ms, then a slow one 200–1200 ms (the run ends at 1200).
    const pages = [page(0), page(100), page(200), page(300)]
    const t = pageThroughput(pages, at(1200), 2)
    // Windows: [0,200) 6000 rows in 0.2 s, [100,300) in 0.2 s, [200,1200) in 1 s.
    expect(t?.minRowsPerSec).toBeCloseTo(6000)
    expect(t?.minPeoplePerSec).toBeCloseTo(2000)
    expect(t?.medianRowsPerSec).toBeCloseTo(30_000)
  })

  it('counts what the pages wrote, so a no-change page rates zero rows', () => {
    const t = pageThroughput([page(0, 0), page(50, 0)], at(100), 1)
    expect(t?.minRowsPerSec).toBe(0)
    expect(t?.minPeoplePerSec).toBeCloseTo(20_000)
  })

  it('has no floor for a run shorter than one window', () => {
    expect(pageThroughput([page(0)], at(10), 5)).toBeNull()
    expect(pageThroughput([], at(10), 1)).toBeNull()
  })
})
