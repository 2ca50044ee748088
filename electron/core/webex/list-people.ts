/**
 * GET /people as an async iterator of validated pages, with the bookkeeping a sync needs before it may
 * infer that anyone left (reliability.md B2.1, F13): the listing is `complete` only when it reached a
 * page without rel="next" and saw no loop, repeat, duplicate, foreign link or error.
 *
 * Errors (network exhaustion, malformed page, foreign next link, re-auth, abort) are thrown from the
 * iterator; anomalies that end the listing early (loop, repeated page) end it quietly. Either way
 * `outcome()` says why, and `resumeUrl` is the checkpoint after the last page handed out.
 */
import type { Logger } from '../log/logger'
import { ForeignOriginError, WebexAbortedError } from './errors'
import type { HttpClient } from './http'
import { nextLinkOf } from './link-header'
import { assertSameOrigin } from './origin'
import { entriesOf, parseEntries, type RawItem } from './people-page-decode'
import { halvedPageSize } from './retry-policy'
import type { Person } from './schemas'

export type PeopleQuery = {
  email?: string
  displayName?: string
  id?: string | string[]
  orgId?: string
  roles?: string | string[]
  callingData?: boolean
  locationId?: string
  excludeStatus?: boolean
}

export type ListPeopleOptions = {
  /** `max` of the first request (default 1000). A 504 halves it for the rest of the listing. */
  pageSize?: number
  /** Resume from a checkpointed next URL (must be on the client's origin). */
  startUrl?: string
  signal?: AbortSignal
  /** Loop guard. Defaults to ceil(expectedTotal / pageSize) × 2 when expectedTotal is given. */
  maxPages?: number
  expectedTotal?: number
  /**
   * Of a page's items (id → bytes as sent, duplicates already dropped), the ids the caller already
   * knows byte for byte and does not need parsed: they are handed out in `knownIds`, not `items`.
   * A re-sync uses it to skip decoding and parsing people whose bytes it stored and validated before.
   */
  knownItems?: (raw: ReadonlyMap<string, RawItem>) => ReadonlySet<string>
}

export type PeoplePage = {
  /** Validated people, minus ids already seen earlier in this listing and minus `knownIds`. */
  items: Person[]
  /** Ids of this page the caller's `knownItems` knew: handed out unparsed (see `rawItems`). */
  knownIds: string[]
  /** Each handed-out item as Webex sent it, by id (`items` and `knownIds`), in page order. */
  rawItems: ReadonlyMap<string, RawItem>
  /** The URL fetched (after any page-size shrink). */
  url: string
  /** The next URL to fetch (checkpoint), or null on the last page. */
  nextUrl: string | null
  /** 1-based within this listing. */
  pageNumber: number
  pageSize: number
  durationMs: number
  duplicatesDropped: number
  trackingId: string
}

export type ListEndReason =
  | 'end'
  | 'loop'
  | 'repeated-page'
  | 'foreign-origin'
  | 'duplicate-ids'
  | 'aborted'
  | 'error'
  | 'stopped'
  | 'in-progress'

export type ListOutcome = {
  /** True only when the listing reached its true end with no anomaly: safe to infer departures. */
  complete: boolean
  reason: ListEndReason
  pages: number
  people: number
  duplicates: number
  /** Where to resume: the next URL of the last page handed out (null if none or at the end). */
  resumeUrl: string | null
  pageSize: number
  error?: unknown
}

export type PeopleListing = AsyncIterable<PeoplePage> & {
  outcome(): ListOutcome
  /** The final outcome, or null while the listing is still going. */
  readonly result: ListOutcome | null
}

export type ListContext = {
  http: HttpClient
  baseUrl: string
  origin: string
  minPageSize: number
  logger: Logger
}

const DEFAULT_PAGE_SIZE = 1000
const DEFAULT_MAX_PAGES = 100_000

export function queryParams(query: PeopleQuery): [string, string][] {
  const out: [string, string][] = []
  for (const [k, v] of Object.entries(query) as [string, unknown][]) {
    if (v === undefined || v === null) continue
    if (Array.isArray(v)) out.push([k, v.map(String).join(',')])
    else if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') {
      out.push([k, String(v)])
    }
  }
  return out
}

/** Identity of a page request for loop detection: the URL without `max`, which we may rewrite. */
function cursorKey(url: string): string {
  const u = new URL(url)
  u.searchParams.delete('max')
  return u.href
}

export function listPeople(
  ctx: ListContext,
  query: PeopleQuery,
  opts: ListPeopleOptions = {}
): PeopleListing {
  let pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError('pageSize must be ≥ 1')
  const maxPages =
    opts.maxPages ??
    (opts.expectedTotal !== undefined
      ? Math.max(2, Math.ceil(opts.expectedTotal / pageSize) * 2)
      : DEFAULT_MAX_PAGES)
  const required = queryParams(query)

  const state: ListOutcome = {
    complete: false,
    reason: 'in-progress',
    pages: 0,
    people: 0,
    duplicates: 0,
    resumeUrl: opts.startUrl ?? null,
    pageSize
  }
  let finished = false
  const finish = (reason: ListEndReason, error?: unknown) => {
    if (finished) return
    finished = true
    state.reason = reason
    state.complete = reason === 'end'
    state.pageSize = pageSize
    if (error !== undefined) state.error = error
    ctx.logger.info('webex.list-people.done', {
      reason,
      complete: state.complete,
      pages: state.pages,
      people: state.people,
      duplicates: state.duplicates
    })
  }

  const firstUrl = (): string => {
    if (opts.startUrl !== undefined) return assertSameOrigin(opts.startUrl, ctx.origin).href
    const u = new URL(`${ctx.baseUrl}/people`)
    for (const [k, v] of required) u.searchParams.set(k, v)
    u.searchParams.set('max', String(pageSize))
    return u.href
  }

  /** Keeps the caller's filters on a next link that dropped them (WebexPythonSDK#169). */
  const repairNext = (raw: string): string => {
    const u = assertSameOrigin(raw, ctx.origin)
    const dropped: string[] = []
    for (const [k, v] of required) {
      if (!u.searchParams.has(k)) {
        u.searchParams.set(k, v)
        dropped.push(k)
      }
    }
    const max = u.searchParams.get('max')
    if (max === null || !/^\d+$/.test(max)) {
      // Missing, or the `max=null` Webex once emitted: ask for the page size we are using.
      dropped.push('max')
      u.searchParams.set('max', String(pageSize))
    } else if (Number(max) > pageSize) {
      // A 504 shrank the page size: it sticks for the rest of the listing (F8).
      u.searchParams.set('max', String(pageSize))
    }
    if (dropped.length > 0) {
      ctx.logger.warn('webex.next-link.params-restored', { params: dropped })
    }
    return u.href
  }

  const on504 = (url: URL): URL | null => {
    const current = Number(url.searchParams.get('max') ?? pageSize)
    const smaller = halvedPageSize(Number.isFinite(current) ? current : pageSize, ctx.minPageSize)
    if (smaller === null) return null
    pageSize = smaller
    state.pageSize = smaller
    const u = new URL(url.href)
    u.searchParams.set('max', String(smaller))
    return u
  }

  async function* run(): AsyncGenerator<PeoplePage, void, undefined> {
    const seenCursors = new Set<string>()
    const seenIds = new Set<string>()
    let previousIds: string[] | null = null
    // Cancels a prefetch nobody will consume (early break, error), and follows the caller's signal.
    const internal = new AbortController()
    const onCallerAbort = () => internal.abort()
    opts.signal?.addEventListener('abort', onCallerAbort, { once: true })

    /** Loop guards for a URL about to be requested; a reason ends the listing before the request. */
    const guard = (url: string, pagesBefore: number): ListEndReason | null => {
      const key = cursorKey(url)
      if (seenCursors.has(key)) {
        ctx.logger.warn('webex.list-people.loop', { url, pages: state.pages })
        return 'loop'
      }
      if (pagesBefore >= maxPages) {
        ctx.logger.warn('webex.list-people.max-pages', { maxPages })
        return 'loop'
      }
      seenCursors.add(key)
      return null
    }
    const request = (url: string) => {
      const p = ctx.http.send({
        method: 'GET',
        url,
        signal: internal.signal,
        idempotent: true,
        on504
      })
      // Observed when awaited; this only keeps an abandoned prefetch from being "unhandled".
      p.catch(() => undefined)
      return p
    }

    try {
      const first = firstUrl()
      const stopFirst = guard(first, 0)
      if (stopFirst) return finish(stopFirst)
      let inflight = request(first)
      for (;;) {
        const res = await inflight
        if (opts.signal?.aborted) throw new WebexAbortedError()
        const fetchedPageSize = pageSize
        seenCursors.add(cursorKey(res.url))
        const rawNext = nextLinkOf(res.headers.link, res.url)
        const nextUrl = rawNext === null ? null : repairNext(rawNext)
        // Ask for the next page before decoding this one, so Webex serves it while we parse and
        // the caller stores: one request in flight at most.
        // This page counts: it is handed out below unless it turns out to be a repeat.
        const stop = nextUrl === null ? null : guard(nextUrl, state.pages + 1)
        if (nextUrl !== null && stop === null) {
          inflight = request(nextUrl)
          // Sending goes on in promise callbacks and socket I/O, which would otherwise wait for
          // the CPU-bound decoding below and the caller's writes: let it leave first.
          await new Promise<void>((resolve) => setImmediate(resolve))
        }

        const entries = entriesOf(res)
        const ids = entries.map((e) => e.id)
        if (previousIds !== null && ids.length > 0 && sameIdSet(previousIds, ids)) {
          ctx.logger.warn('webex.list-people.repeated-page', { url: res.url, pages: state.pages })
          return finish('repeated-page')
        }
        previousIds = ids

        const kept = entries.filter((e) => {
          if (seenIds.has(e.id)) return false
          seenIds.add(e.id)
          return true
        })
        const dropped = entries.length - kept.length
        if (dropped > 0) {
          ctx.logger.warn('webex.list-people.duplicate-ids', { url: res.url, dropped })
        }
        const rawItems = new Map(kept.map((e) => [e.id, e.raw]))
        const known = opts.knownItems?.(rawItems) ?? new Set<string>()
        parseEntries(res, kept, known, opts.knownItems !== undefined)
        const items: Person[] = []
        const knownIds: string[] = []
        for (const e of kept) {
          if (e.person !== undefined) items.push(e.person)
          else knownIds.push(e.id)
        }
        state.pages++
        state.people += kept.length
        state.duplicates += dropped
        state.resumeUrl = nextUrl

        yield {
          items,
          knownIds,
          rawItems,
          url: res.url,
          nextUrl,
          pageNumber: state.pages,
          pageSize: fetchedPageSize,
          durationMs: res.durationMs,
          duplicatesDropped: dropped,
          trackingId: res.trackingId
        }
        if (opts.signal?.aborted) throw new WebexAbortedError()
        if (nextUrl === null) break
        if (stop) return finish(stop)
      }
      finish(state.duplicates > 0 ? 'duplicate-ids' : 'end')
    } catch (e) {
      const reason: ListEndReason =
        e instanceof ForeignOriginError
          ? 'foreign-origin'
          : e instanceof WebexAbortedError
            ? 'aborted'
            : 'error'
      finish(reason, e)
      throw e
    } finally {
      // The consumer broke out of its loop early (no-op when already finished).
      finish('stopped')
      opts.signal?.removeEventListener('abort', onCallerAbort)
      internal.abort()
    }
  }

  let generator: AsyncGenerator<PeoplePage, void, undefined> | null = null
  return {
    [Symbol.asyncIterator]() {
      if (generator) throw new Error('A people listing can be iterated once')
      generator = run()
      return generator
    },
    outcome: () => ({ ...state }),
    get result() {
      return finished ? { ...state } : null
    }
  }
}

function sameIdSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((id) => set.has(id))
}
