/**
 * Target fields of the mapping studio: the built-in fields of a person or SaaS user record, and the
 * custom fields an admin adds (name, type, unique, which record they belong to). Custom field values
 * (person and SaaS user alike) live in the record's `custom` values under the field's stable `key`;
 * renaming a field changes its label only, so its values and the mappings that fill it stay in place.
 */
import { z } from 'zod'
import { PERSON_TARGET_FIELDS } from './mapping'

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long-text',
  'number',
  'date',
  'date-time',
  'boolean',
  'choice'
] as const
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES)
export type CustomFieldType = z.infer<typeof CustomFieldType>

/** Every target type: the custom ones plus `list` (built-in SaaS user roles/licences). */
export const TargetFieldType = z.enum([...CUSTOM_FIELD_TYPES, 'list'])
export type TargetFieldType = z.infer<typeof TargetFieldType>

export const RecordKind = z.enum(['person', 'saas-user'])
export type RecordKind = z.infer<typeof RecordKind>

/** A stable key: letters, digits, `_` and `-`, starting with a letter (mapping targets `custom.<key>`). */
export const CustomFieldKey = z.string().regex(/^[A-Za-z][\w-]{0,63}$/, 'Not a custom field key')

const label = z.string().trim().min(1, 'Give the field a name').max(80)
const options = z.array(z.string().trim().min(1).max(120)).max(200)

export const CustomField = z.object({
  key: CustomFieldKey,
  label: z.string(),
  type: CustomFieldType,
  /** The choices of a `choice` field (empty for other types). */
  options: z.array(z.string()),
  /** Unique values only: required for a field used as a sync key. */
  unique: z.boolean(),
  /** Which record the field shows on: People, or the Webex app's SaaS users. */
  record: RecordKind,
  createdAt: z.string(),
  updatedAt: z.string()
})
export type CustomField = z.infer<typeof CustomField>

export const CreateCustomFieldInput = z
  .object({
    label,
    type: CustomFieldType,
    options: options.default([]),
    unique: z.boolean().default(false),
    record: RecordKind.default('person')
  })
  .refine((f) => f.type !== 'choice' || f.options.length > 0, {
    message: 'A choice field needs at least one option',
    path: ['options']
  })
export type CreateCustomFieldInput = z.input<typeof CreateCustomFieldInput>

/** Rename and/or change options or uniqueness. `confirm: true` is required when records hold values. */
export const UpdateCustomFieldInput = z.object({
  key: CustomFieldKey,
  label: label.optional(),
  options: options.optional(),
  unique: z.boolean().optional(),
  confirm: z.boolean().optional()
})
export type UpdateCustomFieldInput = z.input<typeof UpdateCustomFieldInput>

export const DeleteCustomFieldInput = z.object({
  key: CustomFieldKey,
  /** Required when records hold a value or a mapping fills the field. */
  confirm: z.boolean().optional()
})

/** What renaming or deleting a field would touch, in numbers and plain words. */
export const FieldImpact = z.object({
  key: CustomFieldKey,
  label: z.string(),
  /** Records holding a non-empty value of this field. */
  recordsWithValue: z.number().int(),
  /** Integrations whose mapping fills the field. */
  mappedBy: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Integrations using the field as a sync key: it cannot be deleted or made non-unique. */
  syncKeyOf: z.array(z.object({ id: z.string(), name: z.string() })),
  /** True when the change needs `confirm: true`. */
  needsConfirm: z.boolean(),
  /** E.g. "1,204 people hold a value; deleting the field deletes those values." */
  onDelete: z.string(),
  onRename: z.string()
})
export type FieldImpact = z.infer<typeof FieldImpact>

export const DeleteCustomFieldResult = z.object({
  deleted: z.literal(true),
  /** Values removed from records. */
  clearedValues: z.number().int(),
  /** Mapping entries removed from integrations. */
  removedMappings: z.number().int()
})

/** A field a mapping can write (or, for `mappable: false`, that the sync fills itself). */
export const TargetField = z.object({
  /**
   * The mapping target: a person field key, or `custom.<key>`; SaaS user fields `saas.<key>`, their
   * custom fields `saas.custom.<key>`.
   */
  key: z.string(),
  label: z.string(),
  type: TargetFieldType,
  options: z.array(z.string()),
  unique: z.boolean(),
  record: RecordKind,
  builtIn: z.boolean(),
  mappable: z.boolean(),
  /** Mandatory mapping (Username, Email, Role). */
  mandatory: z.boolean()
})
export type TargetField = z.infer<typeof TargetField>

/** Built-in person fields with unique values (usable as sync keys). */
export const UNIQUE_PERSON_FIELDS = ['username', 'email', 'webexId'] as const
const MANDATORY = new Set(['username', 'email', 'role'])

/** The built-in fields of the SaaS user record: filled by the sync from the Webex account. */
export const SAAS_USER_FIELDS: readonly { key: string; label: string; type: TargetFieldType }[] = [
  { key: 'saas.email', label: 'Email', type: 'text' },
  { key: 'saas.displayName', label: 'Display name', type: 'text' },
  { key: 'saas.roles', label: 'Roles', type: 'list' },
  { key: 'saas.status', label: 'Status', type: 'text' },
  { key: 'saas.lastActivity', label: 'Last activity', type: 'date-time' },
  { key: 'saas.licenses', label: 'Licences', type: 'list' },
  { key: 'saas.invitePending', label: 'Invite pending', type: 'boolean' },
  { key: 'saas.loginEnabled', label: 'Login enabled', type: 'boolean' },
  { key: 'saas.type', label: 'Type', type: 'text' },
  { key: 'saas.webexId', label: 'Webex person ID', type: 'text' }
]

/** Built-in person date fields hold ISO date-times. */
const builtInType = (t: string): TargetFieldType =>
  t === 'date' ? 'date-time' : (t as TargetFieldType)

/** Every target field: built-in person fields, SaaS user fields, then the custom ones. Pure. */
export function targetFields(custom: readonly CustomField[]): TargetField[] {
  const person: TargetField[] = PERSON_TARGET_FIELDS.map((f) => ({
    key: f.key,
    label: f.label,
    type: builtInType(f.type),
    options: [],
    unique: (UNIQUE_PERSON_FIELDS as readonly string[]).includes(f.key),
    record: 'person',
    builtIn: true,
    // syncTime takes only the standard field of the same name: the writer stamps it.
    mappable: true,
    mandatory: MANDATORY.has(f.key)
  }))
  const saas: TargetField[] = SAAS_USER_FIELDS.map((f) => ({
    ...f,
    options: [],
    unique: f.key === 'saas.webexId',
    record: 'saas-user',
    builtIn: true,
    mappable: false,
    mandatory: false
  }))
  const customs: TargetField[] = custom.map((c) => ({
    key: c.record === 'person' ? `custom.${c.key}` : `saas.custom.${c.key}`,
    label: c.label,
    type: c.type,
    options: c.options,
    unique: c.unique,
    record: c.record,
    builtIn: false,
    // Custom fields of both records are filled by the mapping (saas.custom.<key>: the SaaS user's).
    mappable: true,
    mandatory: false
  }))
  return [...person, ...saas, ...customs]
}
