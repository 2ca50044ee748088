/**
 * Scheduled database maintenance (reliability.md B2.9): the daily backup and the weekly full
 * integrity check, as the status shows them and as `app:run-maintenance` reports one pass.
 */
import { z } from 'zod'

export const FullCheckRecord = z.object({
  /** ISO time the last full integrity_check finished. */
  at: z.string(),
  ok: z.boolean()
})
export type FullCheckRecord = z.infer<typeof FullCheckRecord>

export const RunMaintenanceInput = z
  .object({
    /** Back up and check now even when neither is due ("Back up now"). Still refused during a run. */
    force: z.boolean().optional()
  })
  .optional()

export const MaintenanceResult = z.object({
  /** `busy`: a sync, preview or apply holds the run lock, so nothing ran; the pass is retried later. */
  outcome: z.enum(['done', 'busy']),
  backup: z.enum(['made', 'not-due', 'failed', 'skipped']),
  integrityCheck: z.enum(['ok', 'failed', 'not-due', 'skipped'])
})
export type MaintenanceResult = z.infer<typeof MaintenanceResult>
