import { z } from 'zod'

export const KeychainStatus = z.object({ available: z.boolean(), message: z.string().nullable() })
export const DatabaseStatus = z.object({
  healthy: z.boolean(),
  message: z.string().nullable(),
  /** Newest backup the admin can restore when the database failed its check. */
  latestBackup: z.string().nullable()
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
