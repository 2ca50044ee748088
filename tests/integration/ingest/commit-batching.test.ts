/**
 * Several pages per transaction (the default outside the page-by-page fault tests): the rows, pages
 * and checkpoint still agree, and pages read before a failure are kept with their checkpoint.
 */
import { afterEach, expect, it } from 'vitest'
import { startServicesHarness, type ServicesHarness } from './services-harness'

let h: ServicesHarness
afterEach(async () => {
  await h.close()
})

const count = (sql: string) => (h.db.prepare(sql).get() as { n: number }).n

it('writes five pages per transaction and ends with every page recorded once', async () => {
  // A stall on a busy test machine must not pass for a slow Webex here.
  h = await startServicesHarness(
    { users: 130, maxPageSize: 10 },
    { pagesPerCommit: 5, networkBoundWaitMs: Infinity }
  )
  const transactions: number[] = []
  h.onProgress((p) => transactions.push(p.pagesRead))
  const run = await h.sync(h.integration())
  expect(run.status).toBe('succeeded')
  expect(count('SELECT count(*) n FROM people')).toBe(130)
  expect(count('SELECT count(*) n FROM run_pages')).toBe(13)
  // Progress follows commits: after pages 5 and 10, then the last three.
  expect(transactions.filter((n) => n > 0 && n < 13)).toEqual([5, 10])
})

it('commits each page at once while Webex is slow to answer, so the writes overlap the wait', async () => {
  // 150 ms per response: above NETWORK_BOUND_WAIT_MS, like a real org's pages over the internet.
  h = await startServicesHarness(
    { users: 40, maxPageSize: 10, faults: [{ kind: 'slow', delayMs: 150 }] },
    { pagesPerCommit: 5 }
  )
  const transactions: number[] = []
  h.onProgress((p) => transactions.push(p.pagesRead))
  const run = await h.sync(h.integration())
  expect(run.status).toBe('succeeded')
  expect(count('SELECT count(*) n FROM people')).toBe(40)
  expect(count('SELECT count(*) n FROM run_pages')).toBe(4)
  expect(run.checkpointPages).toBe(4)
  expect(transactions.filter((n) => n > 0 && n < 4)).toEqual([1, 2, 3])
})

it('keeps the pages read before a malformed page, with a checkpoint that matches them', async () => {
  h = await startServicesHarness(
    {
      users: 100,
      maxPageSize: 10,
      faults: [{ kind: 'malformed-page', onPage: 7, variant: 'no-items' }]
    },
    { pagesPerCommit: 5 }
  )
  const run = await h.sync(h.integration())
  expect(run.status).toBe('failed')
  expect(run.checkpointPages).toBe(6)
  expect(count('SELECT count(*) n FROM people')).toBe(60)
  expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok')
})
