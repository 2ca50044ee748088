/**
 * Inputs and answers of the mapping studio's channels (issue 5): source fields with sample values,
 * custom API fields and their live evaluation, Smart Mapping, validation, sync-key checks and the
 * impact preview of a draft mapping / sync keys / filters.
 */
import { z } from 'zod'
import { IngestFilters } from './ingest-filter-rule'
import { IntegrationId, SyncKeys } from './integration'
import { Mapping, MappingTransform } from './mapping'
import { FieldDiff, PlanAction } from './plan'

export const ValueShape = z.enum([
  'text',
  'email',
  'phone',
  'url',
  'number',
  'boolean',
  'date-time',
  'id',
  'list',
  'object',
  'empty'
])
export type ValueShape = z.infer<typeof ValueShape>

/** A source the admin can drag onto a target. `key` is what goes into `MappingEntry.source`. */
export const SourceField = z.object({
  key: z.string(),
  label: z.string(),
  /** standard = the twelve standard fields; webex = any other Webex person field; api = custom. */
  group: z.enum(['standard', 'webex', 'api']),
  /** The shape seen in the samples (or documented, when no sample has a value). */
  shape: ValueShape,
  /** Up to N distinct example values as text, from the last read. */
  samples: z.array(z.string()),
  /** How many sampled people have a value. */
  filled: z.number().int()
})
export type SourceField = z.infer<typeof SourceField>

export const ListSourcesInput = z.object({
  /** How many people to sample from the last read (default 50). */
  sampleSize: z.number().int().min(1).max(500).default(50),
  /** Distinct sample values per field (default 5). */
  samplesPerField: z.number().int().min(1).max(20).default(5)
})
export const SourceList = z.object({
  fields: z.array(SourceField),
  /** People in the last read (the raw side table); 0 before the first sync. */
  peopleInLastRead: z.number().int(),
  sampled: z.number().int()
})
export type SourceList = z.infer<typeof SourceList>

/** A named custom API field: a path, template or constant over the raw Webex person. */
export const ApiFieldId = z.string().min(1).max(64)
export const ApiField = z.object({
  id: ApiFieldId,
  name: z.string(),
  /** Normalised: paths start with `$`. Use it as `MappingEntry.source`, with `sourceName: name`. */
  expression: z.string(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type ApiField = z.infer<typeof ApiField>
export const SaveApiFieldInput = z.object({
  /** Absent = create. Renaming or editing updates the mapping entries that use the field. */
  id: ApiFieldId.optional(),
  name: z.string().trim().min(1, 'Give the field a name').max(80),
  expression: z.string().min(1).max(500)
})

export const ExpressionError = z.object({
  message: z.string(),
  /** 0-based index into the expression. */
  position: z.number().int(),
  expected: z.string()
})
export type ExpressionError = z.infer<typeof ExpressionError>

export const EvaluateExpressionInput = z.object({
  expression: z.string().max(500),
  /** Transforms to apply after the expression (optional live preview of a whole mapping). */
  transforms: z.array(MappingTransform).max(10).optional(),
  /** Sample people from the last read (default 5). */
  samples: z.number().int().min(1).max(50).default(5),
  /** Evaluate on these people instead (Webex IDs). */
  webexIds: z.array(z.string()).max(50).optional()
})
export const EvaluatedSample = z.object({
  webexId: z.string(),
  displayName: z.string().nullable(),
  /** The value as text (lists joined with ", "), or null when empty. */
  value: z.string().nullable(),
  /** The value as JSON (a list stays a list), for the preview's detail. */
  json: z.string()
})
export const EvaluateExpressionResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The normalised expression (store this). */
    expression: z.string(),
    kind: z.enum(['path', 'template', 'constant']),
    results: z.array(EvaluatedSample)
  }),
  z.object({ ok: z.literal(false), error: ExpressionError })
])
export type EvaluateExpressionResult = z.infer<typeof EvaluateExpressionResult>

/** Smart Mapping: propose a complete mapping; the admin's own entries stay unless `overwrite`. */
export const SmartMappingInput = z.object({
  mapping: Mapping,
  overwrite: z.boolean().default(false),
  /** Propose for these targets only (default: every mappable target). */
  targets: z.array(z.string()).max(500).optional()
})
export const MappingProposal = z.object({
  source: z.string(),
  target: z.string(),
  transforms: z.array(MappingTransform),
  /** Plain words: why this source fits this target. */
  reason: z.string(),
  /** 0..1 */
  confidence: z.number().min(0).max(1),
  /** kept = the admin's entry stays (not overwritten); new = added; replaced = overwrote an entry. */
  status: z.enum(['new', 'kept', 'replaced'])
})
export type MappingProposal = z.infer<typeof MappingProposal>
export const SmartMappingResult = z.object({
  /** The complete proposed mapping (the admin's entries plus the proposals). */
  mapping: Mapping,
  proposals: z.array(MappingProposal),
  /** Mappable targets no source fits well enough. */
  unmatched: z.array(z.string())
})
export type SmartMappingResult = z.infer<typeof SmartMappingResult>

export const ValidationIssue = z.object({
  /** A target field key, or `syncKeys` / `filters`. */
  field: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning'])
})
export type ValidationIssue = z.infer<typeof ValidationIssue>
export const ValidateMappingInput = z.object({
  mapping: Mapping,
  syncKeys: SyncKeys.optional(),
  filters: IngestFilters.optional()
})
export const ValidationResult = z.object({
  /** True when no issue is an error (warnings do not block saving). */
  ok: z.boolean(),
  issues: z.array(ValidationIssue)
})

export const CheckSyncKeysInput = z.object({
  mapping: Mapping,
  syncKeys: SyncKeys,
  /** People from the last read to check (default: all of them). */
  sampleSize: z.number().int().min(1).max(100_000).optional()
})
export const SyncKeyWarning = z.object({
  key: z.string(),
  which: z.enum(['primary', 'secondary']),
  kind: z.enum(['not-unique-field', 'not-mapped', 'duplicates', 'empty']),
  message: z.string(),
  /** People affected (empty values, or people sharing a value). */
  count: z.number().int(),
  /** A few duplicated values, or people without one. */
  examples: z.array(z.string())
})
export type SyncKeyWarning = z.infer<typeof SyncKeyWarning>
export const SyncKeyCheck = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  warnings: z.array(SyncKeyWarning)
})
export type SyncKeyCheck = z.infer<typeof SyncKeyCheck>

export const MappingDraft = z.object({
  mapping: Mapping,
  syncKeys: SyncKeys,
  filters: IngestFilters
})
export type MappingDraft = z.infer<typeof MappingDraft>

export const ImpactInput = z.object({
  integrationId: IntegrationId,
  draft: MappingDraft,
  /** Sample records per action in the answer (default 20). */
  sampleLimit: z.number().int().min(0).max(200).default(20)
})
export const ImpactSample = z.object({
  action: PlanAction,
  webexId: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  reason: z.string().nullable(),
  diff: z.array(FieldDiff)
})
export const ImpactCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  skip: z.number().int(),
  /** Skipped with the draft but not with the saved configuration. */
  newlySkipped: z.number().int(),
  /** Skipped with the saved configuration but not with the draft. */
  noLongerSkipped: z.number().int()
})
export const ImpactResult = z.object({
  /** People in the last read the preview ran over (no Webex call is made). */
  people: z.number().int(),
  counts: ImpactCounts,
  /** Per field: how many records the draft would change. */
  changedFields: z.array(z.object({ field: z.string(), records: z.number().int() })),
  samples: z.array(ImpactSample),
  durationMs: z.number(),
  /** Why the preview may be partial (e.g. no last read yet). */
  note: z.string().nullable()
})
export type ImpactResult = z.infer<typeof ImpactResult>
