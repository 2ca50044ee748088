/**
 * The integration form as plain data: values as edited, plain-language checks mirroring the contract,
 * and conversion to its inputs. The Role is the constant of the mapping's `role` entry; the rest of the
 * mapping is kept as it is (the mapping studio edits it later).
 */
import {
  DEFAULT_SCHEDULE,
  defaultMapping,
  integrationReadiness,
  type CreateIntegrationInput,
  type IngestFilter,
  type Integration,
  type Preference,
  type Readiness,
  type RecordScope,
  type Schedule,
  type SyncKeyCustomField,
  type SyncKeys,
  type UpdateIntegrationInput
} from '../../../../shared/domain/integration'
import { isFilterRule, type IngestFilterRule } from '../../../../shared/domain/ingest-filter-rule'
import type { Mapping } from '../../../../shared/domain/mapping'

export type IntegrationFormValues = {
  name: string
  credentialId: string
  scope: RecordScope
  preference: Preference
  scheduleEnabled: boolean
  scheduleMode: Schedule['mode']
  timeOfDay: string
  intervalValue: string
  intervalUnit: Schedule['intervalUnit']
  syncKeys: SyncKeys
  role: string
  /** The simple "field is / is not value" filters this form edits. */
  filters: IngestFilter[]
  /** Rules made in the mapping studio: kept as they are and saved back untouched. */
  filterRules: IngestFilterRule[]
  mapping: Mapping
}

export type IntegrationFormErrors = Partial<
  Record<'name' | 'timeOfDay' | 'intervalValue' | 'filters', string>
>

export const roleOf = (mapping: Mapping): string => {
  const entry = mapping.find((e) => e.target === 'role')
  return entry?.transform?.kind === 'constant' ? entry.transform.value : ''
}

/** The mapping with its Role constant set to `role` (the entry is added when missing). */
export function withRole(mapping: Mapping, role: string): Mapping {
  const entry = {
    source: 'constant',
    target: 'role',
    transform: { kind: 'constant' as const, value: role }
  }
  return mapping.some((e) => e.target === 'role')
    ? mapping.map((e) => (e.target === 'role' ? entry : e))
    : [...mapping, entry]
}

export function initialIntegrationValues(
  integration: Integration | undefined,
  defaults: { credentialId: string; role: string }
): IntegrationFormValues {
  const schedule = integration?.schedule ?? DEFAULT_SCHEDULE
  const mapping = integration?.mapping ?? defaultMapping(defaults.role)
  return {
    name: integration?.name ?? 'Webex users',
    credentialId: integration ? (integration.credentialId ?? '') : defaults.credentialId,
    scope: integration?.scope ?? 'user-and-saas',
    preference: integration?.preference ?? 'create-update',
    scheduleEnabled: schedule.enabled,
    scheduleMode: schedule.mode,
    timeOfDay: schedule.timeOfDay,
    intervalValue: String(schedule.intervalValue),
    intervalUnit: schedule.intervalUnit,
    syncKeys: integration?.syncKeys ?? { primary: 'email', secondary: null },
    role: roleOf(mapping),
    filters: (integration?.filters ?? []).filter((f): f is IngestFilter => !isFilterRule(f)),
    filterRules: (integration?.filters ?? []).filter(isFilterRule),
    mapping
  }
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/

export function validateIntegration(v: IntegrationFormValues): IntegrationFormErrors {
  const errors: IntegrationFormErrors = {}
  if (v.name.trim() === '') errors.name = 'Give the integration a name.'
  else if (v.name.trim().length > 120) errors.name = 'Use at most 120 characters.'
  if (v.scheduleMode === 'time-of-day' && !TIME_RE.test(v.timeOfDay.trim()))
    errors.timeOfDay = 'Use a 24-hour time such as 02:30.'
  const n = Number(v.intervalValue)
  const max = v.intervalUnit === 'minutes' ? 1440 : 24
  if (v.scheduleMode === 'interval' && (!/^\d+$/.test(v.intervalValue.trim()) || n < 1 || n > max))
    errors.intervalValue = `Use a whole number from 1 to ${max}.`
  if (v.filters.some((f) => f.value.trim() === ''))
    errors.filters = 'Give every filter a value, or remove it.'
  return errors
}

function schedule(v: IntegrationFormValues): Schedule {
  return {
    enabled: v.scheduleEnabled,
    mode: v.scheduleMode,
    timeOfDay: TIME_RE.test(v.timeOfDay.trim()) ? v.timeOfDay.trim() : DEFAULT_SCHEDULE.timeOfDay,
    intervalValue: Number(v.intervalValue) || DEFAULT_SCHEDULE.intervalValue,
    intervalUnit: v.intervalUnit
  }
}

export function toCreateIntegrationInput(v: IntegrationFormValues): CreateIntegrationInput {
  return {
    name: v.name.trim(),
    credentialId: v.credentialId || null,
    scope: v.scope,
    preference: v.preference,
    schedule: schedule(v),
    syncKeys: v.syncKeys,
    filters: [...v.filters.map((f) => ({ ...f, value: f.value.trim() })), ...v.filterRules],
    mapping: withRole(v.mapping, v.role)
  }
}

export function toUpdateIntegrationInput(
  id: string,
  v: IntegrationFormValues
): UpdateIntegrationInput {
  return { id, ...toCreateIntegrationInput(v) }
}

/**
 * What the draft still needs, live as the admin edits (the core decides again on save). With the
 * custom fields, a custom sync key must name an existing unique person field.
 */
export function formReadiness(
  v: IntegrationFormValues,
  roleNames: readonly string[],
  customFields?: readonly SyncKeyCustomField[]
): Readiness {
  return integrationReadiness(
    {
      credentialId: v.credentialId || null,
      syncKeys: v.syncKeys,
      mapping: withRole(v.mapping, v.role)
    },
    roleNames.length > 0 ? roleNames : undefined,
    customFields
  )
}
