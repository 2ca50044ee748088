/**
 * One person: GET/PUT/DELETE /v1/people/{id}, GET /v1/people/me and POST /v1/people, with the Webex
 * quirks clients trip on (POST answers 200, PUT clears omitted fields, DELETE answers 204).
 */
import type { Body } from '../org/person-ops'
import { createError, fieldTypeError, newPerson, replacedPerson } from '../org/person-ops'
import { error, json, noContent, rawJson } from '../http/respond'
import type { RouteContext, SimResponse } from '../http/types'
import { serializePerson } from './serialize'

const notFound = (ctx: RouteContext): SimResponse =>
  error(404, 'The requested resource could not be found.', ctx.trackingId)

export function getPerson(ctx: RouteContext, id: string): SimResponse {
  const p = ctx.state.store.get(id)
  return p ? rawJson(200, serializePerson(p)) : notFound(ctx)
}

export function getMe(ctx: RouteContext): SimResponse {
  return getPerson(ctx, ctx.caller.personId)
}

/** The JSON object body of a write, or the error response to send instead. */
function readBody(ctx: RouteContext): Body | SimResponse {
  const type = String(ctx.req.headers['content-type'] ?? 'application/json').toLowerCase()
  if (!type.startsWith('application/json')) {
    return error(415, 'Content-Type must be application/json', ctx.trackingId)
  }
  try {
    const v: unknown = JSON.parse(ctx.req.body)
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Body
  } catch {
    // fall through to the 400 below
  }
  return error(400, 'The request body must be a JSON object.', ctx.trackingId)
}

const isResponse = (v: Body | SimResponse): v is SimResponse =>
  typeof (v as SimResponse).status === 'number' && typeof (v as SimResponse).headers === 'object'

function forbiddenUnlessWriter(ctx: RouteContext): SimResponse | null {
  return ctx.caller.canWrite
    ? null
    : error(403, 'Only Full or User administrators may change people.', ctx.trackingId)
}

/** Unknown licence or role IDs, orgId of another org, or an email someone else has. */
function referenceError(ctx: RouteContext, body: Body, selfId?: string): SimResponse | null {
  const { store } = ctx.state
  const licenses = (body.licenses as string[] | undefined) ?? []
  const unknownLicense = licenses.find((l) => !store.data.licenses.some((x) => x.id === l))
  if (unknownLicense !== undefined) {
    return json(400, {
      message: 'License not recognized',
      errors: [{ errorCode: 400000, description: `License not recognized ${unknownLicense}` }],
      trackingId: ctx.trackingId
    })
  }
  const roles = (body.roles as string[] | undefined) ?? []
  if (roles.some((r) => !store.data.roles.some((x) => x.id === r))) {
    return error(400, 'Unknown role id.', ctx.trackingId)
  }
  if (body.orgId !== undefined && body.orgId !== store.data.org.id) {
    return error(403, 'Not authorized to manage people of this organization.', ctx.trackingId)
  }
  const emails = (body.emails as string[] | undefined) ?? []
  if (emails.some((e) => store.emailTaken(e, selfId))) {
    return error(409, 'A person with this email already exists.', ctx.trackingId)
  }
  return null
}

export function createPerson(ctx: RouteContext): SimResponse {
  const denied = forbiddenUnlessWriter(ctx)
  if (denied) return denied
  const body = readBody(ctx)
  if (isResponse(body)) return body
  const invalid = createError(body)
  if (invalid) return error(400, invalid, ctx.trackingId)
  const conflict = referenceError(ctx, body)
  if (conflict) return conflict
  const { store, booleanForm, clock } = ctx.state
  const person = store.insert(
    newPerson(body, {
      orgId: store.data.org.id,
      nowIso: new Date(clock()).toISOString(),
      booleanForm
    })
  )
  if (ctx.req.query.get('minResponse') === 'true') return json(200, { id: person.id })
  return rawJson(200, serializePerson(person))
}

export function updatePerson(ctx: RouteContext, id: string): SimResponse {
  const denied = forbiddenUnlessWriter(ctx)
  if (denied) return denied
  const old = ctx.state.store.get(id)
  if (!old) return notFound(ctx)
  const body = readBody(ctx)
  if (isResponse(body)) return body
  if (typeof body.displayName !== 'string' || body.displayName === '') {
    return error(400, 'displayName is required', ctx.trackingId)
  }
  if (Array.isArray(body.emails) && body.emails.length === 0) {
    return error(400, 'A person must keep at least one email', ctx.trackingId)
  }
  const invalid = fieldTypeError(body)
  if (invalid) return error(400, invalid, ctx.trackingId)
  const conflict = referenceError(ctx, body, id)
  if (conflict) return conflict
  const { store, booleanForm, clock } = ctx.state
  const person = store.replace(
    replacedPerson(old, body, { nowIso: new Date(clock()).toISOString(), booleanForm })
  )
  if (ctx.req.query.get('minResponse') === 'true') return noContent()
  return rawJson(200, serializePerson(person))
}

export function deletePerson(ctx: RouteContext, id: string): SimResponse {
  const denied = forbiddenUnlessWriter(ctx)
  if (denied) return denied
  return ctx.state.store.remove(id) ? noContent() : notFound(ctx)
}
