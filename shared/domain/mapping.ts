/**
 * Field mapping of an integration: which Webex value lands in which field of the person record.
 * Stored as JSON (an array of entries) and validated here, so the later mapping studio can add source
 * kinds and transforms without a schema migration.
 *
 * A `source` is either a standard Webex field key (STANDARD_WEBEX_FIELDS), a JSON path over the raw
 * Webex person (`$.phoneNumbers[0].value`, `$.department`), or `constant` (the value comes from the
 * transform, e.g. the Role). A `target` is a person-record field key (PERSON_TARGET_FIELDS), a custom
 * person field `custom.<name>`, or a custom SaaS user field `saas.custom.<name>`.
 */
import { z } from 'zod'
import { looksLikeExpression, parseExpression } from './mapping-expression'

/** The twelve standard Webex fields every integration can map (product.md). */
export const STANDARD_WEBEX_FIELDS = [
  { key: 'created', label: 'Created' },
  { key: 'displayName', label: 'DisplayName' },
  { key: 'email', label: 'Email' },
  { key: 'firstName', label: 'First Name' },
  { key: 'id', label: 'ID' },
  { key: 'invitePending', label: 'Invite Pending' },
  { key: 'lastModified', label: 'Last Modified' },
  { key: 'lastName', label: 'Last Name' },
  { key: 'orgId', label: 'Org Id' },
  { key: 'status', label: 'Status' },
  { key: 'type', label: 'Type' },
  { key: 'syncTime', label: 'User Load Connector Sync Time' }
] as const
export type StandardWebexField = (typeof STANDARD_WEBEX_FIELDS)[number]['key']
export const STANDARD_WEBEX_FIELD_KEYS = STANDARD_WEBEX_FIELDS.map((f) => f.key)

/** Built-in fields of a person record that a mapping can write. */
export const PERSON_TARGET_FIELDS = [
  { key: 'username', label: 'Username', type: 'text' },
  { key: 'email', label: 'Email', type: 'text' },
  { key: 'displayName', label: 'Display name', type: 'text' },
  { key: 'firstName', label: 'First name', type: 'text' },
  { key: 'lastName', label: 'Last name', type: 'text' },
  { key: 'role', label: 'Role', type: 'choice' },
  { key: 'webexId', label: 'Webex ID', type: 'text' },
  { key: 'webexOrgId', label: 'Webex org ID', type: 'text' },
  { key: 'webexStatus', label: 'Webex status', type: 'text' },
  { key: 'webexType', label: 'Webex type', type: 'text' },
  { key: 'webexCreated', label: 'Webex created', type: 'date' },
  { key: 'webexLastModified', label: 'Webex last modified', type: 'date' },
  { key: 'invitePending', label: 'Invite pending', type: 'boolean' },
  { key: 'syncTime', label: 'User Load Connector Sync Time', type: 'date' }
] as const
export type PersonTargetField = (typeof PERSON_TARGET_FIELDS)[number]['key']
export const PERSON_TARGET_KEYS = PERSON_TARGET_FIELDS.map((f) => f.key) as string[]

const CUSTOM_TARGET = /^custom\.[A-Za-z][\w-]{0,63}$/
/** A custom field of the person's SaaS user record (built-in SaaS user fields are not mappable). */
const SAAS_CUSTOM_TARGET = /^saas\.custom\.[A-Za-z][\w-]{0,63}$/

/**
 * A standard field key, "constant", or a custom API field expression (mapping-expression.ts): a path
 * starting with `$` (`$.phoneNumbers[?type=='work'].value`), a template (`{{firstName}} {{lastName}}`)
 * or a quoted constant.
 */
export const MappingSource = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (s) =>
      s === 'constant' ||
      (STANDARD_WEBEX_FIELD_KEYS as readonly string[]).includes(s) ||
      (looksLikeExpression(s) && parseExpression(s).ok),
    'Source must be a standard Webex field, a path like $.department, a template like {{firstName}} {{lastName}}, or "constant"'
  )

export const MappingTarget = z
  .string()
  .min(1)
  .max(80)
  .refine(
    (t) => PERSON_TARGET_KEYS.includes(t) || CUSTOM_TARGET.test(t) || SAAS_CUSTOM_TARGET.test(t),
    'Target must be a person field, custom.<name> or saas.custom.<name>'
  )

/**
 * Date output formats: tokens YYYY, MM, DD, HH, mm, ss and separators, or `ISO` (full ISO date-time).
 * Dates are read as ISO (what Webex sends) and written in UTC.
 */
export const DateFormat = z
  .string()
  .min(1)
  .max(40)
  .regex(/^(ISO|[YMDHms/\-.:, T]+)$/, 'Use ISO or tokens YYYY, MM, DD, HH, mm, ss with separators')

/** One step of a mapping's transform chain (mapping-transforms in the core applies them). */
export const MappingTransform = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant'), value: z.string().max(500) }),
  z.object({ kind: z.literal('lowercase') }),
  z.object({ kind: z.literal('uppercase') }),
  z.object({ kind: z.literal('trim') }),
  /** Part of an email before or after the @. */
  z.object({ kind: z.literal('email-part'), part: z.enum(['local', 'domain']) }),
  /** A list joined into text. */
  z.object({ kind: z.literal('join'), separator: z.string().max(10) }),
  /** The first item of a list. */
  z.object({ kind: z.literal('first') }),
  /** An ISO date or date-time, written in `format`. */
  z.object({ kind: z.literal('date'), format: DateFormat }),
  /** Webex role IDs to role names (the names the sync resolves from /roles). */
  z.object({ kind: z.literal('role-names') }),
  /** Webex licence IDs to licence names (from /licenses). */
  z.object({ kind: z.literal('license-names') }),
  /** Used when the value is empty (null, "" or an empty list). */
  z.object({ kind: z.literal('default'), value: z.string().max(500) })
])
export type MappingTransform = z.infer<typeof MappingTransform>
export const TRANSFORM_KINDS = MappingTransform.options.map((o) => o.shape.kind.value)

export const MappingEntry = z.object({
  source: MappingSource,
  target: MappingTarget,
  /** The first transform (kept for stored mappings); `transforms` follow it, in order. */
  transform: MappingTransform.optional(),
  transforms: z.array(MappingTransform).max(10).optional(),
  /** The admin's name for a custom API field source (shown instead of the expression). */
  sourceName: z.string().trim().min(1).max(80).optional()
})
export type MappingEntry = z.infer<typeof MappingEntry>

export const Mapping = z.array(MappingEntry).max(500)
export type Mapping = z.infer<typeof Mapping>

/** Whether any mapping turns role or licence IDs into names (so a sync must read /roles, /licenses). */
export const mappingUsesNames = (mapping: Mapping): boolean =>
  mapping.some((e) =>
    [e.transform, ...(e.transforms ?? [])].some(
      (t) => t?.kind === 'role-names' || t?.kind === 'license-names'
    )
  )

/** The twelve standard fields onto the person record, plus the mandatory Email → Username. */
export function defaultMapping(defaultRole = 'Employee'): Mapping {
  return [
    { source: 'email', target: 'username', transform: { kind: 'lowercase' } },
    { source: 'email', target: 'email', transform: { kind: 'lowercase' } },
    { source: 'constant', target: 'role', transform: { kind: 'constant', value: defaultRole } },
    { source: 'displayName', target: 'displayName' },
    { source: 'firstName', target: 'firstName' },
    { source: 'lastName', target: 'lastName' },
    { source: 'id', target: 'webexId' },
    { source: 'orgId', target: 'webexOrgId' },
    { source: 'status', target: 'webexStatus' },
    { source: 'type', target: 'webexType' },
    { source: 'created', target: 'webexCreated' },
    { source: 'lastModified', target: 'webexLastModified' },
    { source: 'invitePending', target: 'invitePending' },
    { source: 'syncTime', target: 'syncTime' }
  ]
}
