import type { EventChannel } from '../../../shared/contract/channels'
import type { Envelope } from '../../../shared/contract/envelope'
import type { Logger } from '../log/logger'
import type { SecretStore } from '../secrets/secret-store'

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
}

export type Core = {
  /** Validate and run one contract call; never throws. */
  call(channel: unknown, input: unknown): Promise<Envelope<unknown>>
  onEvent(listener: (channel: EventChannel, payload: unknown) => void): () => void
  close(): Promise<void>
}
