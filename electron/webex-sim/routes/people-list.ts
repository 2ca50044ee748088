/**
 * GET /v1/people (webex-api.md §2.1): filters, `max` caps, cursor pagination with an RFC 5988 Link
 * header that keeps the caller's filters, `id=` lookups with notFoundIds, and the listing faults.
 */
import type { PersonWire } from '../../core/webex/schemas'
import { error, rawJson } from '../http/respond'
import type { RouteContext, SimResponse } from '../http/types'
import type { Cursor } from './listing'
import { decodeCursor, encodeCursor } from './listing'
import { itemsPageBytes, serializePerson } from './serialize'

const MAX_IDS = 85

/** Stable pseudo-random share per seq, so a short listing drops the same people every time. */
const dropped = (seq: number, share: number): boolean =>
  share > 0 && (Math.imul(seq, 2654435761) >>> 0) / 4294967296 < share

function parseMax(raw: string | null): number | null {
  if (raw === null) return 100
  return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null
}

export function listPeople(ctx: RouteContext): SimResponse {
  const { req, state, trackingId, caller } = ctx
  const q = req.query
  const email = q.get('email')
  const displayName = q.get('displayName')
  if (!caller.isAdmin && !email && !displayName) {
    return error(403, 'Non-admin users must search by email or displayName.', trackingId)
  }
  const orgId = q.get('orgId')
  if (orgId && orgId !== state.store.data.org.id) {
    return error(403, 'Not authorized to access people of this organization.', trackingId)
  }
  let max = parseMax(q.get('max'))
  if (max === null)
    return error(400, 'Invalid value for max: must be a positive integer.', trackingId)
  const callingData = q.get('callingData') === 'true'
  const locationId = q.get('locationId')
  if (callingData) max = Math.min(max, 100)
  if (locationId) max = Math.min(max, 50)
  max = Math.min(max, state.maxPageSize)

  const ids = q.get('id')
  if (ids !== null) return listByIds(ctx, ids)

  const cursorText = q.get('cursor')
  let cursor: Cursor
  if (cursorText === null) {
    cursor = { l: state.listings.start(), p: 1, s: 0 }
  } else {
    const decoded = decodeCursor(cursorText)
    if (!decoded) return error(400, 'Invalid or expired cursor.', trackingId)
    cursor = decoded
  }
  state.listings.recordStart(cursor.l, cursor.p, cursor.s)

  const roles = q.get('roles')?.split(',').filter(Boolean)
  const nameLower = displayName?.toLowerCase()
  const share = state.faults.shortListingShare()
  const byEmail = email ? state.store.byEmailAddress(email) : undefined
  const accept = (p: PersonWire, seq: number): boolean =>
    !dropped(seq, share) &&
    (!email || p === byEmail) &&
    (!nameLower || (p.displayName ?? '').toLowerCase().startsWith(nameLower)) &&
    (!roles || (p.roles ?? []).some((r) => roles.includes(r))) &&
    (!locationId || p.locationId === locationId)
  const page =
    email && !byEmail
      ? { people: [], lastSeq: cursor.s, more: false }
      : state.store.scan(cursor.s, max, accept)

  const omitPresence = q.get('excludeStatus') === 'true'
  let nextCursor: Cursor | null = page.more
    ? { l: cursor.l, p: cursor.p + 1, s: page.lastSeq }
    : null
  let origin = state.origin
  let malformed: 'invalid-json' | 'no-items' | 'wrong-types' | null = null
  for (const f of state.faults.pageFaults(cursor.p)) {
    if (f.kind === 'next-loop') {
      nextCursor = { l: cursor.l, p: f.toPage, s: state.listings.pageStart(cursor.l, f.toPage) }
    } else if (f.kind === 'repeat-page' && state.listings.firstRepeat(cursor.l, cursor.p)) {
      nextCursor = cursor
    } else if (f.kind === 'foreign-next') {
      origin = f.origin.replace(/\/+$/, '')
    } else if (f.kind === 'malformed-page') {
      malformed = f.variant
    }
  }
  const headers: Record<string, string> = {}
  if (nextCursor) {
    const next = new URLSearchParams(q)
    next.set('cursor', encodeCursor(nextCursor))
    headers.link = `<${origin}/v1/people?${next.toString()}>; rel="next"`
  }
  if (!malformed) return rawJson(200, itemsPageBytes(page.people, omitPresence), headers)
  const items = page.people.map((p) => serializePerson(p, omitPresence))
  return rawJson(200, malformedBody(malformed, items), headers)
}

function listByIds(ctx: RouteContext, raw: string): SimResponse {
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (ids.length > MAX_IDS) {
    return error(400, `At most ${MAX_IDS} ids may be requested at once.`, ctx.trackingId)
  }
  const items: string[] = []
  const notFoundIds: string[] = []
  for (const id of ids) {
    const p = ctx.state.store.get(id)
    if (p) items.push(serializePerson(p, true))
    else notFoundIds.push(id)
  }
  return rawJson(200, `{"items":[${items.join(',')}],"notFoundIds":${JSON.stringify(notFoundIds)}}`)
}

function malformedBody(
  variant: 'invalid-json' | 'no-items' | 'wrong-types',
  items: string[]
): string {
  if (variant === 'invalid-json')
    return `{"items":[${items.join(',')}`.slice(0, 40 + items.join(',').length / 2)
  if (variant === 'no-items') return `{"people":[${items.join(',')}]}`
  return JSON.stringify({
    items: items.map((s, i) => {
      const p = JSON.parse(s) as Record<string, unknown>
      return { ...p, id: 1000 + i, emails: (p.emails as string[] | undefined)?.[0] ?? 42 }
    })
  })
}
