/** How createCore runs scheduled maintenance (CoreOptions.maintenance). */
export type MaintenanceOptions = {
  /** Run the quiet-hour task and the catch-up pass after start (default true). */
  schedule?: boolean
  /** node-cron expression of the quiet-hour pass (default 03:15 local). */
  cron?: string
  /** Delay of the catch-up pass after start (default 60 s). */
  catchUpDelayMs?: number
  /** Delay before a pass that found a run in progress tries again (default 10 min). */
  retryDelayMs?: number
  /** Backups kept (default BACKUPS_TO_KEEP). */
  keepBackups?: number
  /** The clock that decides what is due and stamps backups (tests pass a fake one). */
  now?: () => Date
}
