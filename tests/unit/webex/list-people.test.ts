import { afterEach, describe, expect, it } from 'vitest'
import {
  ForeignOriginError,
  WebexAbortedError,
  WebexMalformedResponseError
} from '../../../electron/core/webex/errors'
import type { PeoplePage } from '../../../electron/core/webex/list-people'
import {
  clientFor,
  collect,
  json,
  person,
  resetMidBody,
  startServer,
  type Recorded,
  type WireServer
} from './wire'

const servers: WireServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

type PageScript = (
  req: Recorded,
  cursor: number,
  self: WireServer
) => Partial<{
  items: unknown[]
  next: string | null
  status: number
  raw: string
  reset: boolean
}>

/** A /people server: page k is `script(k)`; the default next link is `?max=<max>&cursor=k+1`. */
async function pagedServer(
  total: number,
  opts: { script?: PageScript; keepParams?: boolean } = {}
) {
  const s: WireServer = await startServer((req, res) => {
    const max = Number(req.query.get('max') ?? 100)
    const cursor = Number(req.query.get('cursor') ?? 0)
    const start = cursor * max
    const items = Array.from({ length: Math.max(0, Math.min(max, total - start)) }, (_, i) =>
      person(start + i)
    )
    const next = new URL(`${s.base}/people`)
    if (opts.keepParams !== false) {
      for (const [k, v] of req.query) if (k !== 'cursor') next.searchParams.set(k, v)
    }
    next.searchParams.set('cursor', String(cursor + 1))
    let page: ReturnType<PageScript> = {
      items,
      next: start + max < total ? next.href : null
    }
    if (opts.script) page = { ...page, ...opts.script(req, cursor, s) }
    if (page.reset) return resetMidBody(res, { items: page.items })
    if (page.raw !== undefined) {
      res.writeHead(page.status ?? 200, { 'content-type': 'application/json' })
      return res.end(page.raw)
    }
    const headers: Record<string, string> = page.next ? { link: `<${page.next}>; rel="next"` } : {}
    json(
      res,
      page.status ?? 200,
      page.status && page.status >= 400 ? { message: 'fail' } : { items: page.items },
      headers
    )
  })
  servers.push(s)
  return s
}

const ids = (pages: PeoplePage[]) => pages.flatMap((p) => p.items.map((x) => x.id))

describe('listPeople', () => {
  it('hands out the items the caller knows unparsed, with every item text as sent', async () => {
    const s = await pagedServer(12)
    const client = clientFor(s)
    const asked: string[][] = []
    const listing = client.listPeople(
      {},
      {
        pageSize: 5,
        knownItems: (texts) => {
          asked.push([...texts.keys()])
          // "Known": the even-numbered people, and only when their bytes are what we expect.
          return new Set(
            [...texts]
              .filter(
                ([id, t]) =>
                  Number(id.slice(1)) % 2 === 0 &&
                  t.text === JSON.stringify(person(Number(id.slice(1))))
              )
              .map(([id]) => id)
          )
        }
      }
    )
    const pages = await collect(listing)
    const all = Array.from({ length: 12 }, (_, i) => `P${i}`)
    expect(asked.flat()).toEqual(all)
    expect(pages.flatMap((p) => p.knownIds)).toEqual(all.filter((_, i) => i % 2 === 0))
    expect(ids(pages)).toEqual(all.filter((_, i) => i % 2 === 1))
    expect(pages.flatMap((p) => [...p.rawItems.keys()])).toEqual(all)
    expect(JSON.parse(pages[0]!.rawItems.get('P3')!.text)).toEqual(person(3))
    expect(listing.outcome()).toMatchObject({ complete: true, people: 12 })
    client.close()
  })

  it('reads every page, following rel="next", and reports a complete listing', async () => {
    const s = await pagedServer(25)
    const client = clientFor(s)
    const listing = client.listPeople({ excludeStatus: true }, { pageSize: 10 })
    expect(listing.result).toBeNull()
    const pages = await collect(listing)
    expect(ids(pages)).toEqual(Array.from({ length: 25 }, (_, i) => `P${i}`))
    expect(pages.map((p) => p.pageNumber)).toEqual([1, 2, 3])
    expect(pages[2]!.nextUrl).toBeNull()
    expect(pages[0]!.nextUrl).toBe(pages[1]!.url)
    expect(pages[0]!.rawItems.size).toBe(10)
    expect(listing.outcome()).toMatchObject({
      complete: true,
      reason: 'end',
      pages: 3,
      people: 25,
      duplicates: 0,
      resumeUrl: null
    })
    expect(s.requests[0]!.query.get('max')).toBe('10')
    expect(s.requests[0]!.query.get('excludeStatus')).toBe('true')
    client.close()
  })

  it('an empty org is a complete listing of zero people', async () => {
    const s = await pagedServer(0)
    const client = clientFor(s)
    const listing = client.listPeople()
    const pages = await collect(listing)
    expect(pages).toHaveLength(1)
    expect(listing.outcome()).toMatchObject({ complete: true, people: 0 })
    client.close()
  })

  it('halves max on 504 for the rest of the listing, re-requesting the same cursor (F8)', async () => {
    const s = await pagedServer(1000, {
      script: (req) => (Number(req.query.get('max')) > 200 ? { items: [], status: 504 } : {})
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 1000 })
    const pages = await collect(listing)
    expect(new Set(ids(pages)).size).toBe(1000)
    const maxes = s.requests.map((r) => Number(r.query.get('max')))
    expect(maxes.slice(0, 4)).toEqual([1000, 500, 250, 125])
    expect(maxes.slice(4).every((m) => m === 125)).toBe(true)
    expect(s.requests.slice(0, 4).every((r) => !r.query.has('cursor'))).toBe(true)
    expect(listing.outcome()).toMatchObject({ complete: true, pageSize: 125 })
    client.close()
  })

  it('504 at the floor page size is retried as a server error, then exhausts', async () => {
    const s = await pagedServer(10, { script: () => ({ items: [], status: 504 }) })
    const client = clientFor(s, { retry: { maxAttempts: 3, baseDelayMs: 1, minPageSize: 100 } })
    const listing = client.listPeople({}, { pageSize: 100 })
    await expect(collect(listing)).rejects.toThrow(/Gave up after 3 attempts/)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'error' })
    client.close()
  })

  it('a reset mid-body is retried; nothing from the partial page is yielded (F6)', async () => {
    let resets = 0
    const s = await pagedServer(30, {
      script: (_req, cursor) =>
        cursor === 1 && resets++ < 2 ? { items: [person(999)], reset: true } : {}
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const pages = await collect(listing)
    expect(ids(pages)).not.toContain('P999')
    expect(ids(pages)).toHaveLength(30)
    expect(s.requests).toHaveLength(5)
    expect(listing.outcome().complete).toBe(true)
    client.close()
  })

  it.each([
    ['invalid-json', { raw: '{"items": [{"id": "P1"' }],
    ['no-items', { raw: '{"people": []}' }],
    ['wrong-types', { raw: '{"items": [{"id": 42, "emails": "x"}]}' }],
    ['item without id', { raw: '{"items": [{"displayName": "ghost"}]}' }]
  ])('rejects a malformed page (%s) without yielding it (F18)', async (_name, fault) => {
    const s = await pagedServer(30, {
      script: (_req, cursor) => (cursor === 1 ? { items: [], ...fault } : {})
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const seen: PeoplePage[] = []
    const err = await (async () => {
      for await (const p of listing) seen.push(p)
    })().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WebexMalformedResponseError)
    expect((err as WebexMalformedResponseError).sample.length).toBeLessThanOrEqual(201)
    expect(seen).toHaveLength(1)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'error', pages: 1 })
    expect(listing.outcome().resumeUrl).toBe(seen[0]!.nextUrl)
    expect(s.requests).toHaveLength(2) // not retried
    client.close()
  })

  it('detects a next-link loop and ends incomplete (F13)', async () => {
    const s = await pagedServer(50, {
      script: (req, cursor, self) =>
        cursor === 2 ? { next: `${self.base}/people?max=${req.query.get('max')}&cursor=1` } : {}
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const pages = await collect(listing)
    expect(pages).toHaveLength(3)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'loop', pages: 3 })
    expect(s.requests).toHaveLength(3)
    client.close()
  })

  it('stops at maxPages derived from expectedTotal (a cursor that never ends)', async () => {
    const s = await pagedServer(10_000)
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10, expectedTotal: 20 })
    const pages = await collect(listing)
    expect(pages).toHaveLength(4)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'loop' })
    client.close()
  })

  it('detects a repeated page (same ids under a new cursor) and ends incomplete', async () => {
    const s = await pagedServer(50, {
      script: (_req, cursor) =>
        cursor === 2 ? { items: Array.from({ length: 10 }, (_, i) => person(10 + i)) } : {}
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const pages = await collect(listing)
    expect(pages).toHaveLength(2)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'repeated-page' })
    client.close()
  })

  it('drops duplicate ids from later pages, counts them and marks the listing incomplete', async () => {
    const s = await pagedServer(30, {
      script: (_req, cursor) =>
        cursor === 2 ? { items: [person(3), person(20), person(21), person(21), person(22)] } : {}
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const pages = await collect(listing)
    expect(pages[2]!.items.map((p) => p.id)).toEqual(['P20', 'P21', 'P22'])
    expect(pages[2]!.duplicatesDropped).toBe(2)
    expect(listing.outcome()).toMatchObject({
      complete: false,
      reason: 'duplicate-ids',
      duplicates: 2,
      people: 23
    })
    client.close()
  })

  it('refuses a next link to another origin and never sends the token there (S18, F13)', async () => {
    const foreign = await startServer((_req, res) => json(res, 200, { items: [person(77)] }))
    servers.push(foreign)
    const s = await pagedServer(30, {
      script: (_req, cursor) => (cursor === 1 ? { next: `${foreign.base}/people?cursor=2` } : {})
    })
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const seen: PeoplePage[] = []
    const err = await (async () => {
      for await (const p of listing) seen.push(p)
    })().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ForeignOriginError)
    expect(seen).toHaveLength(1) // the page carrying the foreign link is not handed out
    expect(foreign.requests).toHaveLength(0)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'foreign-origin' })
    client.close()
  })

  it('re-appends filters a next link dropped, and replaces max=null', async () => {
    const s = await pagedServer(25, {
      keepParams: false,
      script: (_req, cursor, self) =>
        cursor === 0 ? { next: `${self.base}/people?cursor=1&max=null` } : {}
    })
    const warnings: string[] = []
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (e: string) => void warnings.push(e),
      error: () => undefined,
      child: () => logger
    }
    const client = clientFor(s, { logger })
    const listing = client.listPeople({ displayName: 'User', orgId: 'ORG' }, { pageSize: 10 })
    await collect(listing)
    for (const r of s.requests) {
      expect(r.query.get('displayName')).toBe('User')
      expect(r.query.get('orgId')).toBe('ORG')
      expect(r.query.get('max')).toBe('10')
    }
    expect(warnings).toContain('webex.next-link.params-restored')
    expect(listing.outcome().complete).toBe(true)
    client.close()
  })

  it('resumes from a checkpointed next URL, and refuses a foreign one', async () => {
    const s = await pagedServer(30)
    const client = clientFor(s)
    const listing = client.listPeople(
      {},
      { pageSize: 10, startUrl: `${s.base}/people?max=10&cursor=2` }
    )
    const pages = await collect(listing)
    expect(ids(pages)).toEqual(Array.from({ length: 10 }, (_, i) => `P${20 + i}`))
    expect(listing.outcome().complete).toBe(true)

    const bad = client.listPeople({}, { startUrl: 'https://evil.test/v1/people?cursor=2' })
    await expect(collect(bad)).rejects.toBeInstanceOf(ForeignOriginError)
    expect(bad.outcome().reason).toBe('foreign-origin')
    client.close()
  })

  it('prefetches the next page while the caller works on this one', async () => {
    const s = await pagedServer(40)
    const client = clientFor(s)
    const listing = client.listPeople({}, { pageSize: 10 })
    const handedOut: number[] = []
    for await (const p of listing) {
      handedOut.push(Date.now())
      if (p.pageNumber === 1) {
        await new Promise((r) => setTimeout(r, 150))
        // The second page was requested before the caller asked for it, and nothing further.
        expect(s.requests).toHaveLength(2)
        expect(s.requests[1]!.at).toBeLessThan(handedOut[0]! + 100)
      }
    }
    expect(listing.outcome()).toMatchObject({ complete: true, people: 40 })
    client.close()
  })

  it('an abort ends the listing as aborted; breaking out early marks it stopped', async () => {
    const s = await pagedServer(100)
    const client = clientFor(s)
    const ac = new AbortController()
    const listing = client.listPeople({}, { pageSize: 10, signal: ac.signal })
    const err = await (async () => {
      for await (const p of listing) if (p.pageNumber === 2) ac.abort()
    })().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WebexAbortedError)
    expect(listing.outcome()).toMatchObject({ complete: false, reason: 'aborted', pages: 2 })

    const early = client.listPeople({}, { pageSize: 10 })
    for await (const p of early) if (p.pageNumber === 1) break
    expect(early.outcome()).toMatchObject({ complete: false, reason: 'stopped', pages: 1 })
    client.close()
  })
})
