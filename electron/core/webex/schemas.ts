/**
 * Webex REST shapes: the one place they are written down (see ../shared/docs/webex-api.md §2–§6 and the
 * official spec in ../shared/webex-openapi/). The simulator builds its responses from these types and
 * the client validates every response with these schemas.
 *
 * Policy: tolerant where real Webex is known to vary (booleans sent as "true"/"false" strings, fields
 * absent, unknown extra fields kept), strict where a wrong shape would corrupt data (a page without
 * `items`, an item without an `id`).
 */
import { z } from 'zod'

/** The spec types invitePending/loginEnabled as "true"/"false" strings; SDKs model booleans. Accept both. */
export const WebexBoolean = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true')

export const PERSON_STATUSES = [
  'active',
  'call',
  'DoNotDisturb',
  'inactive',
  'meeting',
  'OutOfOffice',
  'pending',
  'presenting',
  'unknown'
] as const
export const PERSON_TYPES = ['person', 'bot', 'appuser'] as const
export const PHONE_TYPES = ['work', 'work_extension', 'mobile', 'fax'] as const
export const SIP_TYPES = ['personal-room', 'enterprise', 'cloud-calling'] as const

export const PhoneNumber = z
  .object({
    // Undocumented types (enterprise, alternate1...) exist in the wild: keep them as plain strings.
    type: z.string().optional(),
    value: z.string().optional(),
    primary: WebexBoolean.optional()
  })
  .loose()

export const SipAddress = z
  .object({
    type: z.string().optional(),
    value: z.string().optional(),
    primary: WebexBoolean.optional()
  })
  .loose()

export const Address = z
  .object({
    type: z.string().optional(),
    country: z.string().optional(),
    locality: z.string().optional(),
    region: z.string().optional(),
    streetAddress: z.string().optional(),
    postalCode: z.string().optional()
  })
  .loose()

/** Role and licence lists: one ID per item per the schema, but doc examples show comma-joined strings. */
const IdList = z.array(z.string()).transform((ids) =>
  ids
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
)

const isoDate = z.string().min(1)

export const Person = z
  .object({
    id: z.string().min(1),
    emails: z.array(z.string()).optional(),
    phoneNumbers: z.array(PhoneNumber).optional(),
    extension: z.string().optional(),
    locationId: z.string().optional(),
    displayName: z.string().optional(),
    nickName: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    avatar: z.string().optional(),
    orgId: z.string().optional(),
    roles: IdList.optional(),
    licenses: IdList.optional(),
    department: z.string().optional(),
    manager: z.string().optional(),
    managerId: z.string().optional(),
    title: z.string().optional(),
    addresses: z.array(Address).optional(),
    created: isoDate.optional(),
    lastModified: isoDate.optional(),
    timezone: z.string().optional(),
    lastActivity: isoDate.optional(),
    siteUrls: z.array(z.string()).optional(),
    sipAddresses: z.array(SipAddress).optional(),
    xmppFederationJid: z.string().optional(),
    // A status value Webex adds later must not fail a whole page: keep it as a string.
    status: z.string().optional(),
    invitePending: WebexBoolean.optional(),
    loginEnabled: WebexBoolean.optional(),
    type: z.string().optional()
  })
  .loose()
export type Person = z.output<typeof Person>
/** A person as sent on the wire (before boolean normalisation). */
export type PersonWire = z.input<typeof Person>

/** `items` is required: a page without it is an error, never an empty page. */
export const PersonPage = z.object({
  items: z.array(Person),
  notFoundIds: z.array(z.string()).nullish()
})
export type PersonPage = z.output<typeof PersonPage>

export const License = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    totalUnits: z.number().optional(),
    consumedUnits: z.number().optional(),
    consumedByUsers: z.number().optional(),
    consumedByWorkspaces: z.number().optional(),
    subscriptionId: z.string().optional(),
    siteUrl: z.string().optional(),
    siteType: z.string().optional()
  })
  .loose()
export type License = z.output<typeof License>
export const LicenseList = z.object({ items: z.array(License) })

export const Role = z.object({ id: z.string().min(1), name: z.string().optional() }).loose()
export type Role = z.output<typeof Role>
export const RoleList = z.object({ items: z.array(Role) })

export const Organization = z
  .object({
    id: z.string().min(1),
    displayName: z.string().optional(),
    created: isoDate.optional()
  })
  .loose()
export type Organization = z.output<typeof Organization>
export const OrganizationList = z.object({ items: z.array(Organization) })

export const ErrorBody = z
  .object({
    message: z.string().optional(),
    errors: z
      .array(
        z.object({ description: z.string().optional(), errorCode: z.number().optional() }).loose()
      )
      .optional(),
    trackingId: z.string().optional()
  })
  .loose()
export type ErrorBody = z.output<typeof ErrorBody>

export const TokenResponse = z
  .object({
    access_token: z.string().min(1),
    expires_in: z.number().positive(),
    refresh_token: z.string().min(1).optional(),
    refresh_token_expires_in: z.number().positive().optional(),
    token_type: z.string().optional()
  })
  .loose()
export type TokenResponse = z.output<typeof TokenResponse>

/** Body accepted by POST /people (create). The spec requires `emails`, plus one of the names. */
export const CreatePersonBody = z
  .object({
    emails: z.array(z.string().min(1)).min(1),
    displayName: z.string().optional(),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    phoneNumbers: z.array(PhoneNumber).optional(),
    extension: z.string().optional(),
    locationId: z.string().optional(),
    avatar: z.string().optional(),
    orgId: z.string().optional(),
    roles: z.array(z.string()).optional(),
    licenses: z.array(z.string()).optional(),
    department: z.string().optional(),
    manager: z.string().optional(),
    managerId: z.string().optional(),
    title: z.string().optional(),
    addresses: z.array(Address).optional(),
    siteUrls: z.array(z.string()).optional()
  })
  .loose()
export type CreatePersonBody = z.input<typeof CreatePersonBody>

/** Body of PUT /people/{id}: a complete person. `displayName` is the one schema-required field. */
export const UpdatePersonBody = CreatePersonBody.omit({ emails: true }).extend({
  emails: z.array(z.string()).optional(),
  displayName: z.string().min(1),
  nickName: z.string().optional(),
  loginEnabled: z.boolean().optional()
})
export type UpdatePersonBody = z.input<typeof UpdatePersonBody>

/*
 * Fast path for the bulk listing. Validating a 1,000-person page with zod costs about twice the
 * JSON.parse of it, which made a 100k-person read clearly slower than the official SDK. These
 * functions check exactly what `Person` / `PersonPage` check and normalise the same way, by hand and
 * IN PLACE (no copies, little garbage): pass only a fresh JSON.parse result that nobody else holds.
 * Anything they do not recognise as valid (a wrong type, a null, an odd shape) returns undefined, and
 * the caller falls back to the zod schema, which then produces the precise issues (the in-place
 * normalisations already applied are ones zod accepts and maps to themselves). Equivalence with zod
 * is tested in tests/unit/webex/schemas-fast.test.ts.
 */
const PERSON_STRING_FIELDS = new Set([
  'extension',
  'locationId',
  'displayName',
  'nickName',
  'firstName',
  'lastName',
  'avatar',
  'orgId',
  'department',
  'manager',
  'managerId',
  'title',
  'timezone',
  'xmppFederationJid',
  'status',
  'type'
])
const PERSON_DATE_FIELDS = new Set(['created', 'lastModified', 'lastActivity'])
const ADDRESS_FIELDS = ['type', 'country', 'locality', 'region', 'streetAddress', 'postalCode']

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function fastBool(v: unknown): boolean | undefined {
  if (v === true || v === 'true') return true
  if (v === false || v === 'false') return false
  return undefined
}

function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false
  for (const s of v) if (typeof s !== 'string') return false
  return true
}

function fastIdList(v: unknown): string[] | undefined {
  if (!isStringArray(v)) return undefined
  if (!v.some((s) => s.includes(',') || s.trim() !== s || s === '')) return v
  return v
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean)
}

/** PhoneNumber / SipAddress: optional string type/value, optional WebexBoolean primary, loose. */
function fastTypedValues(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (const item of v) {
    if (!isRecord(item)) return false
    if (item.type !== undefined && typeof item.type !== 'string') return false
    if (item.value !== undefined && typeof item.value !== 'string') return false
    if (item.primary !== undefined) {
      const b = fastBool(item.primary)
      if (b === undefined) return false
      item.primary = b
    }
  }
  return true
}

function fastAddresses(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (const item of v) {
    if (!isRecord(item)) return false
    for (const k of ADDRESS_FIELDS) {
      if (item[k] !== undefined && typeof item[k] !== 'string') return false
    }
  }
  return true
}

/** Validates and normalises `v` in place like `Person`; undefined means "ask zod". */
export function fastParsePerson(v: unknown): Person | undefined {
  if (!isRecord(v)) return undefined
  if (typeof v.id !== 'string' || v.id.length === 0) return undefined
  for (const key in v) {
    const val = v[key]
    // Not possible from JSON; zod accepts it for an optional field, and so do we.
    if (val === undefined) continue
    if (PERSON_STRING_FIELDS.has(key)) {
      if (typeof val !== 'string') return undefined
    } else if (PERSON_DATE_FIELDS.has(key)) {
      if (typeof val !== 'string' || val.length === 0) return undefined
    } else {
      switch (key) {
        case 'emails':
        case 'siteUrls':
          if (!isStringArray(val)) return undefined
          break
        case 'roles':
        case 'licenses': {
          const ids = fastIdList(val)
          if (!ids) return undefined
          v[key] = ids
          break
        }
        case 'invitePending':
        case 'loginEnabled': {
          const b = fastBool(val)
          if (b === undefined) return undefined
          v[key] = b
          break
        }
        case 'phoneNumbers':
        case 'sipAddresses':
          if (!fastTypedValues(val)) return undefined
          break
        case 'addresses':
          if (!fastAddresses(val)) return undefined
          break
        default:
          break
      }
    }
  }
  return v as Person
}

/** Validates and normalises a page in place like `PersonPage`; undefined means "ask zod". */
export function fastParsePersonPage(v: unknown): PersonPage | undefined {
  if (!isRecord(v) || !Array.isArray(v.items)) return undefined
  const items = v.items as unknown[]
  for (const item of items) if (!fastParsePerson(item)) return undefined
  const page: PersonPage = { items: items as Person[] }
  if ('notFoundIds' in v) {
    const nf = v.notFoundIds
    if (nf === null || nf === undefined) page.notFoundIds = nf
    else if (isStringArray(nf)) page.notFoundIds = nf
    else return undefined
  }
  return page
}
