/** Runs of an integration: status, counts, reasons, page timings, held "not in Webex" marks. */
import { z } from 'zod'

export const RUN_STATUSES = [
  'running',
  'succeeded',
  'succeeded-with-warnings',
  'failed',
  'interrupted',
  'cancelled'
] as const
export const RunStatus = z.enum(RUN_STATUSES)
export type RunStatus = z.infer<typeof RunStatus>

/** sync = read Webex and write; preview = read Webex and store a plan only; apply = run a stored plan. */
export const RunKind = z.enum(['sync', 'preview', 'apply'])
export type RunKind = z.infer<typeof RunKind>
export const RunTrigger = z.enum(['manual', 'schedule', 'catch-up', 'cli'])
export type RunTrigger = z.infer<typeof RunTrigger>

export const RunCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int()
})
export type RunCounts = z.infer<typeof RunCounts>
export const emptyCounts = (): RunCounts => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0
})

export const RunId = z.string().min(1).max(64)

export const RunSummary = z.object({
  id: RunId,
  integrationId: z.string(),
  integrationName: z.string(),
  kind: RunKind,
  trigger: RunTrigger,
  status: RunStatus,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  counts: RunCounts,
  pagesRead: z.number().int(),
  /** Plain-language reason for failed / interrupted / cancelled / with-warnings. */
  message: z.string().nullable()
})
export type RunSummary = z.infer<typeof RunSummary>

export const Run = RunSummary.extend({
  /** True when the Webex listing reached its end with no anomaly (only then are departures inferred). */
  listingComplete: z.boolean(),
  /** Why the listing ended: end, loop, repeated-page, error, aborted... (null while running). */
  listingEnd: z.string().nullable(),
  /** SaaS users newly marked "not in Webex" by this run. */
  notInWebexMarked: z.number().int(),
  /** Marks held for an admin's approval (runs:allow-held); 0 when none or once allowed. */
  heldMarks: z.number().int(),
  heldAllowedAt: z.string().nullable(),
  /** The run whose checkpoint this run resumed from. */
  resumedFromRunId: z.string().nullable(),
  /** Checkpoint: pages committed so far and whether a next URL is saved. */
  checkpointPages: z.number().int(),
  hasCheckpoint: z.boolean(),
  pageSize: z.number().int(),
  /** The stored plan this run applied (kind apply) or produced (kind preview). */
  planId: z.string().nullable(),
  /** Webex tracking ids of failed calls, for Cisco support. */
  trackingIds: z.array(z.string())
})
export type Run = z.infer<typeof Run>

export const RunItemOutcome = z.enum(['skipped', 'failed'])
export const RunItem = z.object({
  seq: z.number().int(),
  outcome: RunItemOutcome,
  webexId: z.string().nullable(),
  email: z.string().nullable(),
  reason: z.string(),
  at: z.string()
})
export type RunItem = z.infer<typeof RunItem>

export const RunPage = z.object({
  pageNumber: z.number().int(),
  items: z.number().int(),
  pageSize: z.number().int(),
  fetchMs: z.number(),
  writeMs: z.number(),
  written: z.number().int(),
  trackingId: z.string().nullable(),
  at: z.string()
})
export type RunPage = z.infer<typeof RunPage>

export const HeldMark = z.object({
  saasUserId: z.string(),
  webexId: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable()
})
export type HeldMark = z.infer<typeof HeldMark>

export const RunProgress = z.object({
  runId: RunId,
  integrationId: z.string(),
  kind: RunKind,
  pagesRead: z.number().int(),
  recordsWritten: z.number().int(),
  counts: RunCounts,
  ratePerSec: z.number(),
  estimatedRemainingMs: z.number().nullable(),
  status: RunStatus,
  /** Epoch ms until which Webex asked us to wait (429 Retry-After, 5xx backoff), or null. */
  throttledUntil: z.number().nullable()
})
export type RunProgress = z.infer<typeof RunProgress>

export const ListRunsInput = z.object({
  integrationId: z.string().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50)
})

export const GetRunInput = z.object({
  id: RunId,
  itemsOffset: z.number().int().min(0).default(0),
  itemsLimit: z.number().int().min(1).max(500).default(100),
  itemsOutcome: RunItemOutcome.optional(),
  heldOffset: z.number().int().min(0).default(0),
  heldLimit: z.number().int().min(1).max(500).default(100)
})

export const RunDetail = z.object({
  run: Run,
  items: z.object({ rows: z.array(RunItem), total: z.number().int() }),
  pages: z.array(RunPage),
  held: z.object({ rows: z.array(HeldMark), total: z.number().int() })
})
export type RunDetail = z.infer<typeof RunDetail>
