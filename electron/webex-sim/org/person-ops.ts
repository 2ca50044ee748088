/**
 * What POST and PUT do to a person (webex-api.md §2.5–2.6), as plain functions. PUT is a full
 * replacement: every writable field the body leaves out is cleared; read-only fields are kept.
 */
import { randomUUID } from 'node:crypto'
import type { PersonWire } from '../../core/webex/schemas'
import type { BooleanForm } from './generate'
import { wireBool } from './generate'
import { webexId } from './ids'

export type Body = Record<string, unknown>

const STRING_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'extension',
  'locationId',
  'avatar',
  'orgId',
  'department',
  'manager',
  'managerId',
  'title'
] as const
const STRING_ARRAY_FIELDS = ['emails', 'roles', 'licenses', 'siteUrls'] as const
const OBJECT_ARRAY_FIELDS = ['phoneNumbers', 'addresses'] as const
/** Fields a PUT body sets; absent ones are cleared (emails and loginEnabled are kept instead). */
const REPLACED_FIELDS = [
  ...STRING_FIELDS.filter((f) => f !== 'orgId'),
  'roles',
  'licenses',
  'siteUrls',
  'phoneNumbers',
  'addresses'
] as const

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

/** A description of the first wrongly typed field, or null. */
export function fieldTypeError(body: Body): string | null {
  for (const f of STRING_FIELDS) {
    if (body[f] !== undefined && typeof body[f] !== 'string') return `${f} must be a string`
  }
  for (const f of STRING_ARRAY_FIELDS) {
    const v = body[f]
    if (v !== undefined && !(Array.isArray(v) && v.every((s) => typeof s === 'string'))) {
      return `${f} must be an array of strings`
    }
  }
  for (const f of OBJECT_ARRAY_FIELDS) {
    const v = body[f]
    if (
      v !== undefined &&
      !(Array.isArray(v) && v.every((o) => typeof o === 'object' && o !== null))
    ) {
      return `${f} must be an array of objects`
    }
  }
  const le = body.loginEnabled
  if (le !== undefined && typeof le !== 'boolean' && le !== 'true' && le !== 'false') {
    return 'loginEnabled must be a boolean'
  }
  const emails = body.emails as string[] | undefined
  const bad = emails?.find((e) => !EMAIL.test(e))
  return bad !== undefined ? `Invalid email address: ${bad}` : null
}

const hasName = (body: Body): boolean =>
  ['displayName', 'firstName', 'lastName'].some(
    (f) => typeof body[f] === 'string' && body[f] !== ''
  )

export function createError(body: Body): string | null {
  const emails = body.emails
  if (!Array.isArray(emails) || emails.length === 0) return 'emails is required'
  if (!hasName(body)) return 'One of displayName, firstName or lastName is required'
  return fieldTypeError(body)
}

function copyWritable(body: Body): Partial<PersonWire> {
  // Field types were checked by fieldTypeError before this runs.
  const out: Partial<PersonWire> = {}
  for (const f of REPLACED_FIELDS) if (body[f] !== undefined) Object.assign(out, { [f]: body[f] })
  return out
}

export function newPerson(
  body: Body,
  ctx: { orgId: string; nowIso: string; booleanForm: BooleanForm }
): PersonWire {
  const first = typeof body.firstName === 'string' ? body.firstName : ''
  const last = typeof body.lastName === 'string' ? body.lastName : ''
  const fields = copyWritable(body)
  const displayName =
    typeof body.displayName === 'string' && body.displayName !== ''
      ? body.displayName
      : `${first} ${last}`.trim()
  return {
    id: webexId('PEOPLE', randomUUID()),
    emails: (body.emails as string[]).map((e) => e.toLowerCase()),
    ...fields,
    displayName,
    roles: fields.roles ?? [],
    licenses: fields.licenses ?? [],
    orgId: ctx.orgId,
    created: ctx.nowIso,
    lastModified: ctx.nowIso,
    status: 'pending',
    invitePending: wireBool(true, ctx.booleanForm),
    loginEnabled: wireBool(true, ctx.booleanForm),
    type: 'person'
  }
}

/** PUT: the new record is the body's writable fields plus the old record's read-only ones. */
export function replacedPerson(
  old: PersonWire,
  body: Body,
  ctx: { nowIso: string; booleanForm: BooleanForm }
): PersonWire {
  const keep: Partial<PersonWire> = {}
  for (const f of [
    'orgId',
    'created',
    'nickName',
    'timezone',
    'lastActivity',
    'sipAddresses',
    'xmppFederationJid',
    'status',
    'invitePending',
    'type'
  ] as const) {
    if (old[f] !== undefined) (keep as Record<string, unknown>)[f] = old[f]
  }
  const le = body.loginEnabled
  return {
    id: old.id,
    emails: Array.isArray(body.emails)
      ? (body.emails as string[]).map((e) => e.toLowerCase())
      : old.emails,
    ...copyWritable(body),
    ...keep,
    loginEnabled:
      le === undefined ? old.loginEnabled : wireBool(le === true || le === 'true', ctx.booleanForm),
    lastModified: ctx.nowIso
  }
}

/** A direct edit "elsewhere" (SimHandle.org.update): merge, bump lastModified. */
export function mergedPerson(
  old: PersonWire,
  fields: Partial<PersonWire>,
  nowIso: string
): PersonWire {
  return { ...old, ...fields, id: old.id, lastModified: nowIso }
}
