/**
 * Decides whether the ingest filters let a Webex person through: the older simple filters (all must
 * hold; their reason text is unchanged) and the mapping studio's rules (conditions on any source field
 * combined with all/any). A rule a person does not satisfy either skips them ("always") or lets their
 * existing record be updated but never creates one ("update-only"). Pure.
 */
import {
  isFilterRule,
  type AnyIngestFilter,
  type FilterCondition,
  type IngestFilter,
  type IngestFilterRule
} from '../../../shared/domain/ingest-filter-rule'
import { textOf } from '../../../shared/domain/mapping-expression'
import type { Person } from '../webex/schemas'
import { readsRawPerson, sourceValue } from './source-value'

export type FilterOutcome =
  | { outcome: 'pass' }
  /** Not created and not updated. */
  | { outcome: 'skip'; reason: string }
  /** Updated when a record matches, never created. */
  | { outcome: 'no-create'; reason: string }

export const PASS: FilterOutcome = { outcome: 'pass' }

const emailDomainOf = (p: Person): string | null => {
  const email = p.emails?.[0]
  return email && email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : null
}

function legacyValue(p: Person, field: IngestFilter['field']): string | null {
  switch (field) {
    case 'type':
      return p.type ?? null
    case 'status':
      return p.status ?? null
    case 'emailDomain':
      return emailDomainOf(p)
    case 'invitePending':
      return p.invitePending === undefined ? null : String(p.invitePending)
    case 'loginEnabled':
      return p.loginEnabled === undefined ? null : String(p.loginEnabled)
  }
}

const LEGACY_LABELS: Record<IngestFilter['field'], string> = {
  type: 'type',
  status: 'status',
  emailDomain: 'email domain',
  invitePending: 'invite pending',
  loginEnabled: 'login enabled'
}

/** The reason text the engine has always used for the simple filters (kept for continuity). */
function legacyReason(p: Person, f: IngestFilter): string | null {
  const actual = legacyValue(p, f.field)
  const equal = actual !== null && actual.toLowerCase() === f.value.toLowerCase()
  if (f.op === 'is' ? !equal : equal)
    return `Filtered out: ${LEGACY_LABELS[f.field]} is ${actual ?? 'empty'} (filter: ${LEGACY_LABELS[f.field]} ${f.op} ${f.value})`
  return null
}

/** Condition fields read from the parsed person whatever the mapping's sources. */
const PERSON_FIELDS = new Set(['emailDomain', 'invitePending', 'loginEnabled'])

/** A condition's field as a list of texts (a list field gives several; empty gives none). */
function fieldTexts(p: Person, raw: unknown, field: string, syncTime: string): string[] {
  const v =
    field === 'emailDomain'
      ? emailDomainOf(p)
      : field === 'invitePending' || field === 'loginEnabled'
        ? (p[field] ?? null)
        : sourceValue(p, raw, field, syncTime)
  const items = Array.isArray(v) ? (v as unknown[]) : [v]
  return items.map(textOf).filter((s) => s !== '')
}

const DAY_MS = 86_400_000

export function conditionHolds(p: Person, raw: unknown, c: FilterCondition, now: Date): boolean {
  const texts = fieldTexts(p, raw, c.field, now.toISOString())
  const lower = texts.map((t) => t.toLowerCase())
  const value = (c.value ?? '').toLowerCase()
  const values = (c.values ?? []).map((v) => v.toLowerCase())
  switch (c.op) {
    case 'equals':
      return lower.some((t) => t === value)
    case 'not-equals':
      return !lower.some((t) => t === value)
    case 'contains':
      return lower.some((t) => t.includes(value))
    case 'not-contains':
      return !lower.some((t) => t.includes(value))
    case 'starts-with':
      return lower.some((t) => t.startsWith(value))
    case 'ends-with':
      return lower.some((t) => t.endsWith(value))
    case 'in':
      return lower.some((t) => values.includes(t))
    case 'not-in':
      return !lower.some((t) => values.includes(t))
    case 'empty':
      return texts.length === 0
    case 'not-empty':
      return texts.length > 0
    case 'within-days':
    case 'older-than-days': {
      const ms = texts.map((t) => Date.parse(t)).find((n) => Number.isFinite(n))
      if (ms === undefined) return false
      const ageDays = (now.getTime() - ms) / DAY_MS
      const days = c.days ?? 0
      return c.op === 'within-days' ? ageDays <= days : ageDays > days
    }
  }
}

export function ruleHolds(p: Person, raw: unknown, r: IngestFilterRule, now: Date): boolean {
  const results = r.conditions.map((c) => conditionHolds(p, raw, c, now))
  return r.match === 'all' ? results.every(Boolean) : results.some(Boolean)
}

/**
 * The first filter that stops the person wins; a rule that only prevents creation is remembered but a
 * later "always" rule or simple filter can still skip the person entirely.
 */
export function evaluateFilters(
  p: Person,
  raw: unknown,
  filters: readonly AnyIngestFilter[],
  now: Date
): FilterOutcome {
  let noCreate: FilterOutcome | null = null
  for (const f of filters) {
    if (!isFilterRule(f)) {
      const reason = legacyReason(p, f)
      if (reason) return { outcome: 'skip', reason }
      continue
    }
    if (!f.enabled || ruleHolds(p, raw, f, now)) continue
    if (f.applies === 'always') return { outcome: 'skip', reason: `Skipped by filter ${f.name}` }
    noCreate ??= {
      outcome: 'no-create',
      reason: `Skipped by filter ${f.name} (existing records are updated, new ones are not created)`
    }
  }
  return noCreate ?? PASS
}

/** Whether any enabled rule reads a field over the raw person (a JSON path, template...). */
export function filtersReadRaw(filters: readonly AnyIngestFilter[]): boolean {
  return filters.some(
    (f) =>
      isFilterRule(f) &&
      f.enabled &&
      f.conditions.some((c) => !PERSON_FIELDS.has(c.field) && readsRawPerson(c.field))
  )
}
