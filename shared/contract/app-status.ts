import { z } from 'zod'
import { FullCheckRecord } from './maintenance'

export const KeychainStatus = z.object({
  available: z.boolean(),
  /** The whole explanation (also the text of a refused write). */
  message: z.string().nullable(),
  /** Why the probe failed, alone: for a banner that already explains what it means. */
  reason: z.string().nullable()
})
export const DatabaseStatus = z.object({
  healthy: z.boolean(),
  /**
   * True while the full integrity_check after an unexpected shutdown runs (off the core's thread);
   * every other call waits for it. Optional so hosts and fixtures that predate it still parse.
   */
  checking: z.boolean().optional(),
  message: z.string().nullable(),
  /** Newest backup the admin can restore when the database failed its check. */
  latestBackup: z.string().nullable(),
  // Optional so hosts and fixtures that predate scheduled maintenance still parse.
  /** ISO time of the newest backup on disk (daily, before migrations), or null when there is none. */
  lastBackupAt: z.string().nullable().optional(),
  /** The last weekly full integrity_check, or null before the first one. */
  lastFullCheck: FullCheckRecord.nullable().optional(),
  /** Why the last scheduled backup failed (e.g. disk full), until one succeeds. */
  maintenanceWarning: z.string().nullable().optional()
})

export const AppStatus = z.object({
  version: z.string(),
  /** True until the first credential exists: the UI offers the demo organization. */
  firstRun: z.boolean(),
  demoRunning: z.boolean(),
  keychain: KeychainStatus,
  database: DatabaseStatus
})
export type AppStatus = z.infer<typeof AppStatus>
