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
