/**
 * People writes with verification instead of blind retries (reliability.md B2.4/B2.5, F14, F15).
 * A write that failed ambiguously is followed by a GET, and the result says what Webex now holds.
 */
import { AppError } from '../errors'
import {
  ReauthorizationRequiredError,
  RetryExhaustedError,
  WebexAbortedError,
  WebexApiError,
  WebexMalformedResponseError,
  WebexNetworkError,
  WebexWriteUnverifiedError
} from './errors'
import { parseBody, type HttpClient } from './http'
import {
  CreatePersonBody,
  Person,
  PersonPage,
  UpdatePersonBody,
  type CreatePersonBody as CreatePersonBodyInput,
  type UpdatePersonBody as UpdatePersonBodyInput
} from './schemas'

export type CreatePersonResult =
  /** Webex answered success. */
  | { status: 'created'; person: Person }
  /** The POST failed ambiguously, but a GET by email found the person: do not POST again. */
  | { status: 'found-after-error'; person: Person; error: unknown }
  /** The POST failed and a GET by email confirms nobody was created: safe to try again later. */
  | { status: 'not-created'; error: unknown }

/** Changes to apply: a value replaces the field, `null` clears it, absent keys keep the current value. */
export type PersonChanges = { [K in keyof UpdatePersonBodyInput]?: UpdatePersonBodyInput[K] | null }

export type UpdatePersonResult =
  | { status: 'updated'; person: Person; sent: UpdatePersonBodyInput }
  /**
   * The PUT failed. `serverNow` is what a GET returned afterwards (null: the person no longer exists);
   * `unappliedFields` are fields of `sent` that Webex does not hold now (a partial apply shows here).
   */
  | {
      status: 'failed'
      error: unknown
      sent: UpdatePersonBodyInput
      serverNow: Person | null
      unappliedFields: string[]
    }

export type DeletePersonResult =
  | { status: 'deleted' }
  /** 404: already gone (or never existed). */
  | { status: 'not-found' }
  /** The DELETE failed ambiguously; a GET shows the person is gone. */
  | { status: 'gone-after-error'; error: unknown }
  /** The DELETE failed ambiguously; a GET shows the person still exists. */
  | { status: 'still-present-after-error'; error: unknown; person: Person }

/** Fields of UpdatePersonBody, i.e. what a full PUT carries (read-only fields are not in it). */
export const WRITABLE_PERSON_FIELDS: readonly string[] = Object.keys(UpdatePersonBody.shape)

export type WriteContext = {
  http: HttpClient
  baseUrl: string
}

const personUrl = (ctx: WriteContext, id: string) =>
  `${ctx.baseUrl}/people/${encodeURIComponent(id)}`

/** Errors after which nothing more can be learned by a GET (or the caller asked to stop). */
const isTerminal = (e: unknown) =>
  e instanceof ReauthorizationRequiredError || e instanceof WebexAbortedError

/** Could the server have acted on the write despite the error? */
function isAmbiguous(e: unknown, method: 'POST' | 'PUT' | 'DELETE'): boolean {
  if (e instanceof WebexNetworkError) return e.maybeProcessed
  if (e instanceof WebexMalformedResponseError) return true // 2xx with an unreadable body
  if (e instanceof WebexApiError) {
    if (e.status >= 500) return true
    // POST /people may answer 400 (or 409 on a retry) after creating the person (webex-api.md §2.5).
    if (method === 'POST' && (e.status === 400 || e.status === 409)) return true
    // A PUT that returns any error may still have changed some attributes (§2.6).
    if (method === 'PUT') return true
  }
  return false
}

export async function getPersonOrNull(ctx: WriteContext, id: string): Promise<Person | null> {
  try {
    const res = await ctx.http.send({ method: 'GET', url: personUrl(ctx, id), idempotent: true })
    return parseBody(Person, res)
  } catch (e) {
    if (e instanceof WebexApiError && e.status === 404) return null
    throw e
  }
}

/** GET /people?email=, as given and (if different) lower-cased: Webex stores emails lower-case. */
export async function findPersonByEmail(ctx: WriteContext, email: string): Promise<Person | null> {
  const wanted = email.toLowerCase()
  for (const candidate of email === wanted ? [email] : [email, wanted]) {
    const u = new URL(`${ctx.baseUrl}/people`)
    u.searchParams.set('email', candidate)
    const res = await ctx.http.send({ method: 'GET', url: u.href, idempotent: true })
    const page = parseBody(PersonPage, res)
    const found = page.items.find((p) => p.emails?.some((e) => e.toLowerCase() === wanted))
    if (found) return found
  }
  return null
}

export async function createPerson(
  ctx: WriteContext,
  body: CreatePersonBodyInput,
  opts: { callingData?: boolean } = {}
): Promise<CreatePersonResult> {
  const checked = CreatePersonBody.safeParse(body)
  if (!checked.success) {
    throw new AppError('BAD_REQUEST', `Invalid person: ${checked.error.issues[0]?.message ?? ''}`)
  }
  if (!body.displayName && !body.firstName && !body.lastName) {
    throw new AppError('BAD_REQUEST', 'A new person needs a displayName, firstName or lastName')
  }
  const email = body.emails[0] as string
  const u = new URL(`${ctx.baseUrl}/people`)
  if (opts.callingData) u.searchParams.set('callingData', 'true')
  try {
    const res = await ctx.http.send({ method: 'POST', url: u.href, body, idempotent: false })
    return { status: 'created', person: parseBody(Person, res) }
  } catch (error) {
    if (isTerminal(error) || error instanceof RetryExhaustedError || !isAmbiguous(error, 'POST')) {
      throw error
    }
    let found: Person | null
    try {
      found = await findPersonByEmail(ctx, email)
    } catch (verifyError) {
      throw new WebexWriteUnverifiedError('create', error, verifyError)
    }
    return found
      ? { status: 'found-after-error', person: found, error }
      : { status: 'not-created', error }
  }
}

/** The complete PUT body: every writable field of the fetched person, with the changes applied. */
export function buildUpdateBody(current: Person, changes: PersonChanges): UpdatePersonBodyInput {
  const out: Record<string, unknown> = {}
  for (const key of WRITABLE_PERSON_FIELDS) {
    const value = (current as Record<string, unknown>)[key]
    if (value !== undefined && value !== null) out[key] = value
  }
  for (const [key, value] of Object.entries(changes)) {
    if (!WRITABLE_PERSON_FIELDS.includes(key)) {
      throw new AppError('BAD_REQUEST', `Field ${key} cannot be written through PUT /people`)
    }
    if (value === undefined) continue
    if (value === null) delete out[key]
    else out[key] = value
  }
  const checked = UpdatePersonBody.safeParse(out)
  if (!checked.success) {
    const issue = checked.error.issues[0]
    throw new AppError(
      'BAD_REQUEST',
      `Invalid update: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`
    )
  }
  return out as UpdatePersonBodyInput
}

/** Fields of `sent` whose value Webex does not hold (order-insensitive for email/id lists). */
export function unappliedFields(sent: UpdatePersonBodyInput, now: Person | null): string[] {
  if (!now) return Object.keys(sent)
  const differs: string[] = []
  for (const [key, value] of Object.entries(sent)) {
    const actual = (now as Record<string, unknown>)[key]
    if (!sameValue(value, actual)) differs.push(key)
  }
  return differs
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b) && a.every((x) => typeof x === 'string')) {
    return (
      a.length === b.length && [...a].sort().join('\n') === [...(b as string[])].sort().join('\n')
    )
  }
  return JSON.stringify(a) === JSON.stringify(b)
}

export async function updatePerson(
  ctx: WriteContext,
  id: string,
  changes: PersonChanges
): Promise<UpdatePersonResult> {
  const current = await getPersonOrNull(ctx, id)
  if (!current) {
    throw new AppError('NOT_FOUND', 'The person to update no longer exists in Webex')
  }
  const sent = buildUpdateBody(current, changes)
  try {
    const res = await ctx.http.send({
      method: 'PUT',
      url: personUrl(ctx, id),
      body: sent,
      idempotent: false
    })
    if (res.status === 204 || res.body.trim() === '') {
      const person = await getPersonOrNull(ctx, id)
      if (!person) throw new AppError('NOT_FOUND', 'The person vanished right after the update')
      return { status: 'updated', person, sent }
    }
    return { status: 'updated', person: parseBody(Person, res), sent }
  } catch (error) {
    if (isTerminal(error) || error instanceof AppError === false || !isAmbiguousOrAny(error)) {
      throw error
    }
    let serverNow: Person | null
    try {
      serverNow = await getPersonOrNull(ctx, id)
    } catch (verifyError) {
      throw new WebexWriteUnverifiedError('update', error, verifyError)
    }
    return {
      status: 'failed',
      error,
      sent,
      serverNow,
      unappliedFields: unappliedFields(sent, serverNow)
    }
  }
}

/** After any Webex-side failure of a PUT, look (webex-api.md §2.6). Local errors are rethrown. */
function isAmbiguousOrAny(e: unknown): boolean {
  return isAmbiguous(e, 'PUT') || e instanceof RetryExhaustedError
}

export async function deletePerson(ctx: WriteContext, id: string): Promise<DeletePersonResult> {
  try {
    await ctx.http.send({ method: 'DELETE', url: personUrl(ctx, id), idempotent: false })
    return { status: 'deleted' }
  } catch (error) {
    if (error instanceof WebexApiError && error.status === 404) return { status: 'not-found' }
    if (isTerminal(error) || !isAmbiguous(error, 'DELETE')) throw error
    let person: Person | null
    try {
      person = await getPersonOrNull(ctx, id)
    } catch (verifyError) {
      throw new WebexWriteUnverifiedError('delete', error, verifyError)
    }
    return person
      ? { status: 'still-present-after-error', error, person }
      : { status: 'gone-after-error', error }
  }
}
