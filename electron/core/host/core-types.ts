import type { EventChannel } from '../../../shared/contract/channels'
import type { Envelope } from '../../../shared/contract/envelope'
import type { Logger } from '../log/logger'
import type { CheckKind } from '../store/health'
import type { MaintenanceOptions } from '../maintenance/maintenance-options'
import type { SecretStore } from '../secrets/secret-store'
import type { RetryPolicy } from '../webex/retry-policy'

/** What only the host process can do for the core. */
export type CoreHostServices = {
  /** Open a URL in the system browser (Electron: shell.openExternal after main's own allowlist check). */
  openExternal(url: string): Promise<void>
}

export type CoreOptions = {
  dataDir: string
  appVersion: string
  host: CoreHostServices
  /** Defaults to the OS keychain. Tests of the core alone may inject another store. */
  secretStore?: SecretStore
  /** Default base URL for new credentials (WEBEX_BASE_URL); the real Webex when absent. */
  webexBaseUrl?: string
  logger?: Logger
  /**
   * WEBEX_ACCESS_TOKEN (CLI): syncs use this token instead of a stored credential. It is held in
   * memory only, never written to SQLite or the keychain.
   */
  webexAccessToken?: string
  /** Run the schedules (default true; the CLI turns it off). */
  scheduler?: boolean
  /**
   * Daily backup and weekly full integrity_check (reliability.md B2.9). `false` runs no pass by
   * itself (the CLI, the bench); `app:run-maintenance` still runs one on demand.
   */
  maintenance?: false | MaintenanceOptions
  /** GET /people page size for syncs (default 1000; tests use smaller pages). */
  ingestPageSize?: number
  /** Retry policy overrides for Webex clients (tests use short backoffs). */
  webexRetry?: Partial<RetryPolicy>
  /**
   * Run the startup check of the database in the background, serving read-only channels meanwhile
   * (default true: the window shows the first rows at once and learns of damage from the status
   * event). The CLI turns it off: a one-shot command has no later moment to report damage, so the
   * check runs at open, before anything.
   */
  backgroundStartupCheck?: boolean
  /**
   * Test seam: the startup check of the database, 'ok' or the report (default: a worker thread's
   * quick_check or integrity_check). Tests hold it to see what the core serves meanwhile.
   */
  startupCheck?: (file: string, kind: CheckKind, logger: Logger) => Promise<string>
}

export type Core = {
  /** Validate and run one contract call; never throws. */
  call(channel: unknown, input: unknown): Promise<Envelope<unknown>>
  onEvent(listener: (channel: EventChannel, payload: unknown) => void): () => void
  close(): Promise<void>
}
