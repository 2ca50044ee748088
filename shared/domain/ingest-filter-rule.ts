/**
 * Ingest filter rules (mapping studio): which Webex users a sync creates or updates. A rule holds
 * conditions on any source field, combined with all/any; a person who does not satisfy a rule is
 * skipped with the reason "Skipped by filter <rule name>". `applies: 'always'` skips them entirely;
 * `applies: 'update-only'` still updates their existing record but never creates one.
 *
 * The older `IngestFilter` ({field, op: is|is-not, value}) stays valid: `AnyIngestFilter` accepts both,
 * so stored integrations keep working.
 */
import { z } from 'zod'
import { MappingSource } from './mapping'

/** Basic ingest filters: a record is ingested only when every condition holds (AND). */
export const FILTER_FIELDS = [
  'type',
  'status',
  'emailDomain',
  'invitePending',
  'loginEnabled'
] as const
export const IngestFilter = z.object({
  field: z.enum(FILTER_FIELDS),
  op: z.enum(['is', 'is-not']),
  /** Compared case-insensitively; booleans as "true"/"false"; emailDomain without "@". */
  value: z.string().trim().min(1).max(200)
})
export type IngestFilter = z.infer<typeof IngestFilter>

export const CONDITION_OPS = [
  'equals',
  'not-equals',
  'contains',
  'not-contains',
  'starts-with',
  'ends-with',
  /** Any of `values` (e.g. email domain in a list). */
  'in',
  'not-in',
  'empty',
  'not-empty',
  /** A date within the last `days` days (e.g. last activity). */
  'within-days',
  'older-than-days'
] as const
export const ConditionOp = z.enum(CONDITION_OPS)
export type ConditionOp = z.infer<typeof ConditionOp>

/** Derived fields a condition can use besides any mapping source. */
export const DERIVED_FILTER_FIELDS = ['emailDomain'] as const

export const FilterField = z.union([z.enum(DERIVED_FILTER_FIELDS), MappingSource])

export const FilterCondition = z
  .object({
    /** A standard Webex field key, a path/template over the raw person, or `emailDomain`. */
    field: FilterField,
    op: ConditionOp,
    /** Compared case-insensitively as text; booleans as "true"/"false". */
    value: z.string().max(200).optional(),
    values: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
    days: z.number().int().min(0).max(36500).optional()
  })
  .superRefine((c, ctx) => {
    const needs = (what: 'value' | 'values' | 'days', ok: boolean) => {
      if (!ok)
        ctx.addIssue({ code: 'custom', message: `This condition needs ${what}`, path: [what] })
    }
    if (
      ['equals', 'not-equals', 'contains', 'not-contains', 'starts-with', 'ends-with'].includes(
        c.op
      )
    )
      needs('value', c.value !== undefined)
    if (c.op === 'in' || c.op === 'not-in') needs('values', (c.values?.length ?? 0) > 0)
    if (c.op === 'within-days' || c.op === 'older-than-days') needs('days', c.days !== undefined)
  })
export type FilterCondition = z.infer<typeof FilterCondition>

export const IngestFilterRule = z.object({
  kind: z.literal('rule'),
  name: z.string().trim().min(1, 'Give the rule a name').max(80),
  /** all = every condition must hold; any = at least one. */
  match: z.enum(['all', 'any']),
  conditions: z.array(FilterCondition).min(1).max(20),
  /** always: non-matching people are skipped; update-only: updated if they exist, never created. */
  applies: z.enum(['always', 'update-only']).default('always'),
  enabled: z.boolean().default(true)
})
export type IngestFilterRule = z.infer<typeof IngestFilterRule>

/** What `integration.filters` holds: the old simple filters and rules, in any order. */
export const AnyIngestFilter = z.union([IngestFilterRule, IngestFilter])
export type AnyIngestFilter = z.infer<typeof AnyIngestFilter>
export const IngestFilters = z.array(AnyIngestFilter).max(50)

export const isFilterRule = (f: AnyIngestFilter): f is IngestFilterRule =>
  'kind' in f && f.kind === 'rule'
