/**
 * An integration: a configured user ingest from Webex (product.md). It stays a Draft until its
 * mandatory mappings and a sync key are in place (`integrationReadiness`), then it can be Launched.
 */
import { z } from 'zod'
import { CredentialId } from './credential'
import { CustomFieldKey, type CustomField } from './custom-field'
import { defaultMapping, Mapping, type Mapping as MappingT } from './mapping'
import { IngestFilters } from './ingest-filter-rule'
import { RunSummary } from './run'

export const RECORD_SCOPES = ['user', 'user-and-saas'] as const
/** `user` = person records only; `user-and-saas` = person records plus Webex SaaS user records. */
export const RecordScope = z.enum(RECORD_SCOPES)
export type RecordScope = z.infer<typeof RecordScope>

export const PREFERENCES = ['create-update', 'create-only', 'update-only'] as const
export const Preference = z.enum(PREFERENCES)
export type Preference = z.infer<typeof Preference>

export const INTEGRATION_STATUSES = ['draft', 'launched'] as const
export const IntegrationStatus = z.enum(INTEGRATION_STATUSES)
export type IntegrationStatus = z.infer<typeof IntegrationStatus>

/** Built-in fields a sync key may use. The Webex person ID is always matched first as well (rename-safe). */
export const SYNC_KEY_FIELDS = ['email', 'username', 'webexId'] as const
export const BuiltInSyncKey = z.enum(SYNC_KEY_FIELDS)
export type BuiltInSyncKey = z.infer<typeof BuiltInSyncKey>

/** A custom person field as a sync key: `custom.<key>` (the field must exist and be unique). */
export const CustomSyncKey = z.templateLiteral(['custom.', CustomFieldKey])
export type CustomSyncKey = z.infer<typeof CustomSyncKey>

/** A built-in key or a custom person field; older stored integrations hold built-ins only. */
export const SyncKeyField = z.union([BuiltInSyncKey, CustomSyncKey])
export type SyncKeyField = z.infer<typeof SyncKeyField>

/** The custom field key of a `custom.<key>` sync key, or null for a built-in one. */
export const customKeyOf = (k: SyncKeyField): string | null =>
  k.startsWith('custom.') ? k.slice('custom.'.length) : null

export const SyncKeys = z.object({
  primary: SyncKeyField.nullable(),
  secondary: SyncKeyField.nullable()
})
export type SyncKeys = z.infer<typeof SyncKeys>

/** What a sync-key check needs of a custom field. */
export type SyncKeyCustomField = Pick<CustomField, 'key' | 'label' | 'unique' | 'record'>

/**
 * Sync keys that name a custom field which does not exist (any more) or is not unique, in plain words.
 * Such keys cannot be saved, launched or synced.
 */
export function syncKeyProblems(keys: SyncKeys, fields: readonly SyncKeyCustomField[]): string[] {
  const problems: string[] = []
  for (const [which, k] of [
    ['primary', keys.primary],
    ['secondary', keys.secondary]
  ] as const) {
    const key = k ? customKeyOf(k) : null
    if (key === null) continue
    const f = fields.find((x) => x.key === key && x.record === 'person')
    if (!f) problems.push(`The ${which} sync key names a custom field that does not exist (${key})`)
    else if (!f.unique)
      problems.push(`${f.label} is not a unique field, so it cannot be the ${which} sync key`)
  }
  return problems
}

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)')

/** Flat on purpose (easy to bind to a form): `mode` says which of the two settings applies. */
export const Schedule = z.object({
  enabled: z.boolean(),
  mode: z.enum(['time-of-day', 'interval']),
  /** Local time, for mode time-of-day (daily). */
  timeOfDay,
  /** For mode interval. Minutes: 5–59 in steps that divide the hour are best; hours: 1–23. */
  intervalValue: z.number().int().min(1).max(1440),
  intervalUnit: z.enum(['minutes', 'hours'])
})
export type Schedule = z.infer<typeof Schedule>
export const DEFAULT_SCHEDULE: Schedule = {
  enabled: true,
  mode: 'time-of-day',
  timeOfDay: '02:30',
  intervalValue: 6,
  intervalUnit: 'hours'
}

// The simple filters (and the mapping studio's rules) live in ingest-filter-rule.ts.
export { FILTER_FIELDS, IngestFilter } from './ingest-filter-rule'

export const IntegrationId = z.string().min(1).max(64)
const name = z.string().trim().min(1, 'Give the integration a name').max(120)

export const Readiness = z.object({ ready: z.boolean(), missing: z.array(z.string()) })
export type Readiness = z.infer<typeof Readiness>

export const Integration = z.object({
  id: IntegrationId,
  name: z.string(),
  credentialId: CredentialId.nullable(),
  scope: RecordScope,
  preference: Preference,
  schedule: Schedule,
  syncKeys: SyncKeys,
  /** Simple filters and filter rules (ingest-filter-rule.ts). */
  filters: IngestFilters,
  mapping: Mapping,
  /**
   * Marking SaaS users "not in Webex" is held for approval when it would affect more than this many
   * records; null = the default max(25, 2% of SaaS users).
   */
  notInWebexThreshold: z.number().int().min(0).nullable(),
  status: IntegrationStatus,
  readiness: Readiness,
  /** ISO time of the next scheduled run, or null (draft, schedule off). */
  nextRunAt: z.string().nullable(),
  lastRun: RunSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Integration = z.infer<typeof Integration>

export const CreateIntegrationInput = z.object({
  name,
  credentialId: CredentialId.nullable().default(null),
  scope: RecordScope.default('user-and-saas'),
  preference: Preference.default('create-update'),
  schedule: Schedule.default(DEFAULT_SCHEDULE),
  syncKeys: SyncKeys.default({ primary: 'email', secondary: null }),
  filters: IngestFilters.default([]),
  mapping: Mapping.optional(),
  notInWebexThreshold: z.number().int().min(0).nullable().default(null)
})
export type CreateIntegrationInput = z.input<typeof CreateIntegrationInput>

/** Omitted fields stay as they are. Editing a launched integration keeps it launched only if ready. */
export const UpdateIntegrationInput = z.object({
  id: IntegrationId,
  name: name.optional(),
  credentialId: CredentialId.nullable().optional(),
  scope: RecordScope.optional(),
  preference: Preference.optional(),
  schedule: Schedule.optional(),
  syncKeys: SyncKeys.optional(),
  filters: IngestFilters.optional(),
  mapping: Mapping.optional(),
  notInWebexThreshold: z.number().int().min(0).nullable().optional()
})
export type UpdateIntegrationInput = z.input<typeof UpdateIntegrationInput>

export const DuplicateIntegrationInput = z.object({ id: IntegrationId, name: name.optional() })

type ReadinessSubject = Pick<Integration, 'mapping' | 'syncKeys' | 'credentialId'>

const has = (m: MappingT, source: string, target: string) =>
  m.some((e) => e.source === source && e.target === target)

/**
 * What still blocks a launch, in plain language. Pure: `roles` (the defined role names) is optional so
 * the renderer can call it on a form; with it, the mapped Role must be one of them. With
 * `customFields`, a custom sync key must name an existing unique person field.
 */
export function integrationReadiness(
  i: ReadinessSubject,
  roles?: readonly string[],
  customFields?: readonly SyncKeyCustomField[]
): Readiness {
  const missing: string[] = []
  if (!i.credentialId) missing.push('Choose a credential')
  if (!has(i.mapping, 'email', 'username')) missing.push('Map Webex Email to Username')
  if (!has(i.mapping, 'email', 'email')) missing.push('Map Webex Email to Email')
  const role = i.mapping.find((e) => e.target === 'role')
  const roleValue = role?.transform?.kind === 'constant' ? role.transform.value : null
  if (!role || (role.source === 'constant' && !roleValue)) missing.push('Choose a Role')
  else if (roles && roleValue !== null && !roles.includes(roleValue))
    missing.push(`Role "${roleValue}" is not in the roles list`)
  if (!i.syncKeys.primary) missing.push('Choose a sync key')
  if (customFields) missing.push(...syncKeyProblems(i.syncKeys, customFields))
  // A custom key nothing fills has no value: everyone not yet linked by Webex ID would be skipped.
  for (const k of [i.syncKeys.primary, i.syncKeys.secondary])
    if (k && customKeyOf(k) !== null && !i.mapping.some((e) => e.target === k)) {
      const label = customFields?.find((f) => `custom.${f.key}` === k)?.label ?? k
      missing.push(`Map a source to ${label} (a sync key)`)
    }
  return { ready: missing.length === 0, missing }
}

export { defaultMapping }
