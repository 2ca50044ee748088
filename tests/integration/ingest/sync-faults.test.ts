/** Fault scenarios of reliability.md B3 against the simulator: nothing lost, nothing wrongly changed. */
import { afterEach, describe, expect, it } from 'vitest'
import { startServicesHarness, type ServicesHarness } from './services-harness'

let h: ServicesHarness
afterEach(async () => {
  await h.close()
})

const n = (h: ServicesHarness, sql: string) => (h.db.prepare(sql).get() as { n: number }).n
const people = (h: ServicesHarness) => n(h, 'SELECT count(*) n FROM people')
const marked = (h: ServicesHarness) =>
  n(h, 'SELECT count(*) n FROM saas_users WHERE not_in_webex = 1')

describe('faults', () => {
  it('F4 disk full: the run fails "disk full", earlier pages are kept, and it resumes after space is freed', async () => {
    h = await startServicesHarness({ users: 400, maxPageSize: 20 })
    const id = h.integration()
    const base = h.db.pragma('page_count', { simple: true }) as number
    h.db.pragma(`max_page_count = ${base + 40}`)
    const run = await h.sync(id)
    expect(run.status).toBe('failed')
    expect(run.message).toMatch(/disk full/)
    expect(run.checkpointPages).toBeGreaterThan(0)
    expect(people(h)).toBe(run.checkpointPages * 20)
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok')
    h.db.pragma('max_page_count = 1073741823')
    const next = await h.sync(id)
    expect(next).toMatchObject({ status: 'succeeded-with-warnings', resumedFromRunId: run.id })
    expect(people(h)).toBe(400)
    expect(marked(h)).toBe(0)
  })

  it('F6 socket reset mid-body: retried, nothing half-written; when retries run out the run fails at the last good page', async () => {
    h = await startServicesHarness({
      users: 100,
      maxPageSize: 10,
      faults: [{ kind: 'reset-mid-body', onRequest: 4 }]
    })
    const id = h.integration()
    const ok = await h.sync(id)
    expect(ok.status).toBe('succeeded')
    expect(people(h)).toBe(100)

    const h2 = h
    const id2 = h2.integration({ name: 'second', scope: 'user' })
    h2.db.exec('DELETE FROM people')
    h2.onProgress((p) => {
      if (p.pagesRead === 2) h2.sim.faults.add({ kind: 'reset-mid-body', everyNth: 1 })
    })
    const failed = await h2.sync(id2)
    expect(failed.status).toBe('failed')
    expect(failed.hasCheckpoint).toBe(true)
    expect(people(h2)).toBe(failed.checkpointPages * 10)
    expect(marked(h2)).toBe(0)
  })

  it('F7 a 5xx burst is retried with backoff and the run succeeds with few extra requests', async () => {
    h = await startServicesHarness({
      users: 50,
      maxPageSize: 10,
      faults: [{ kind: 'server-error', status: 503, count: 4, startAt: 4 }]
    })
    const id = h.integration()
    const run = await h.sync(id)
    expect(run.status).toBe('succeeded')
    expect(people(h)).toBe(50)
    const reqs = h.sim.requests()
    expect(reqs.filter((r) => r.status === 503)).toHaveLength(4)
    expect(reqs.length).toBe(2 + run.pagesRead + 4)
  })

  it('F7 fifty consecutive 503s: the run pauses, resumes from its checkpoint and succeeds', async () => {
    h = await startServicesHarness({
      users: 50,
      maxPageSize: 10,
      faults: [{ kind: 'server-error', status: 503, count: 50, startAt: 5 }]
    })
    const id = h.integration()
    const run = await h.sync(id)
    expect(run.status).toBe('succeeded')
    expect(run.counts.created).toBe(50)
    expect(people(h)).toBe(50)
    const pages = h.sim.requests().filter((r) => r.url.startsWith('/v1/people') && r.status === 200)
    // Committed pages are not read again after a pause: each of the 5 pages came once.
    expect(new Set(pages.map((r) => r.url)).size).toBe(pages.length)
    expect(pages).toHaveLength(5)
    expect(h.sim.requests().filter((r) => r.status === 503)).toHaveLength(50)
  })

  it('F8 504 on large pages: the page size halves, sticks, and the run completes', async () => {
    h = await startServicesHarness({
      users: 700,
      faults: [{ kind: 'timeout-above-max', maxAbove: 250 }]
    })
    const id = h.integration()
    const run = await h.sync(id)
    expect(run.status).toBe('succeeded')
    expect(run.pageSize).toBe(250)
    expect(people(h)).toBe(700)
    const pages = h.sim.requests().filter((r) => r.url.startsWith('/v1/people') && r.status === 200)
    expect(pages.every((r) => r.url.includes('max=250'))).toBe(true)
  })

  it('F9 429 with Retry-After: no request before the wait has passed; the run succeeds', async () => {
    h = await startServicesHarness({
      users: 60,
      maxPageSize: 10,
      faults: [{ kind: 'rate-limit', retryAfterSec: 1, everyNth: 5 }]
    })
    const id = h.integration()
    const run = await h.sync(id)
    expect(run.status).toBe('succeeded')
    expect(people(h)).toBe(60)
    const reqs = h.sim.requests()
    for (const [k, r] of reqs.entries())
      if (r.status === 429 && reqs[k + 1])
        expect(reqs[k + 1]!.at - r.at).toBeGreaterThanOrEqual(990)
  })

  it('F10 token expires mid-run: one refresh, the run continues with no duplicate writes', async () => {
    let refreshes = 0
    h = await startServicesHarness(
      { users: 80, maxPageSize: 10, faults: [{ kind: 'unauthorized-from', request: 5 }] },
      {
        tokens: (sim) => {
          let current = sim.token
          return {
            getAccessToken: () => Promise.resolve(current),
            refresh: () => {
              refreshes++
              current = sim.issueTokens().accessToken
              return Promise.resolve(current)
            }
          }
        }
      }
    )
    const run = await h.sync(h.integration())
    expect(run.status).toBe('succeeded')
    expect(refreshes).toBe(1)
    expect(run.counts.created).toBe(80)
    expect(people(h)).toBe(80)
    expect(n(h, 'SELECT count(*) n FROM run_pages WHERE run_id = ' + `'${run.id}'`)).toBe(
      run.pagesRead
    )
  })

  it('F10 refresh impossible: the run fails as re-auth with its checkpoint, and marks no one', async () => {
    h = await startServicesHarness({ users: 80, maxPageSize: 10 })
    const id = h.integration()
    await h.sync(id)
    h.sim.faults.add({ kind: 'unauthorized-from', request: h.sim.requests().length + 5 })
    const run = await h.sync(id)
    expect(run.status).toBe('failed')
    expect(run.message).toMatch(/re-auth/)
    expect(run.hasCheckpoint).toBe(true)
    expect(marked(h)).toBe(0)
  })

  it('F13 a next-link loop ends the listing as incomplete: no one is marked', async () => {
    h = await startServicesHarness({ users: 60, maxPageSize: 10 })
    const id = h.integration()
    await h.sync(id)
    h.sim.faults.add({ kind: 'next-loop', onPage: 3, toPage: 1 })
    const run = await h.sync(id)
    expect(run.status).toBe('succeeded-with-warnings')
    expect(run.listingComplete).toBe(false)
    expect(run.message).toMatch(/ended early/)
    expect(marked(h)).toBe(0)
    expect(people(h)).toBe(60)
  })

  it('F13 a next link to another origin is refused and the run fails without marks', async () => {
    h = await startServicesHarness({
      users: 60,
      maxPageSize: 10,
      faults: [{ kind: 'foreign-next', onPage: 2, origin: 'https://evil.example' }]
    })
    const run = await h.sync(h.integration())
    expect(run.status).toBe('failed')
    // The page carrying the foreign link is refused whole, before anything from it is written.
    expect(people(h)).toBe(10)
    expect(h.sim.requests().every((r) => !r.url.includes('evil'))).toBe(true)
    expect(marked(h)).toBe(0)
  })

  it('F18 a malformed page is rejected whole: the run fails with a sample, earlier pages kept', async () => {
    for (const variant of ['invalid-json', 'no-items', 'wrong-types'] as const) {
      h = await startServicesHarness({
        users: 50,
        maxPageSize: 10,
        faults: [{ kind: 'malformed-page', onPage: 3, variant }]
      })
      const run = await h.sync(h.integration())
      expect(run.status, variant).toBe('failed')
      expect(run.message).toMatch(/not valid/)
      expect(people(h)).toBe(20)
      expect(run.checkpointPages).toBe(2)
      if (variant !== 'wrong-types') await h.close()
    }
  })
})
