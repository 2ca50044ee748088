/**
 * A stored dry-run plan (Preview): per record, what a sync would do, with field-level diffs. Apply runs
 * exactly this plan and refuses it once the local store has changed since (stale).
 */
import { z } from 'zod'
import { RunCounts } from './run'

export const PlanId = z.string().min(1).max(64)
export const PLAN_ACTIONS = ['create', 'update', 'unchanged', 'skip', 'mark-not-in-webex'] as const
export const PlanAction = z.enum(PLAN_ACTIONS)
export type PlanAction = z.infer<typeof PlanAction>

export const FieldDiff = z.object({
  /** `person.<field>` or `saas.<field>` */
  field: z.string(),
  old: z.string().nullable(),
  new: z.string().nullable()
})
export type FieldDiff = z.infer<typeof FieldDiff>

export const PlanItem = z.object({
  seq: z.number().int(),
  action: PlanAction,
  webexId: z.string().nullable(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  /** Why skipped, or how the record was matched ("matched by Webex ID"). */
  reason: z.string().nullable(),
  diff: z.array(FieldDiff)
})
export type PlanItem = z.infer<typeof PlanItem>

export const PlanStatus = z.enum(['ready', 'applied', 'stale', 'failed'])

export const PlanSummary = z.object({
  id: PlanId,
  integrationId: z.string(),
  runId: z.string(),
  status: PlanStatus,
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  counts: RunCounts,
  notInWebex: z.number().int(),
  /** Not-in-Webex marks above the threshold are planned but held, as in a sync. */
  notInWebexHeld: z.boolean(),
  listingComplete: z.boolean(),
  /** True when the store changed since the plan was computed: Apply will refuse it. */
  stale: z.boolean()
})
export type PlanSummary = z.infer<typeof PlanSummary>

export const ListPlanItemsInput = z.object({
  planId: PlanId,
  action: PlanAction.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100)
})
