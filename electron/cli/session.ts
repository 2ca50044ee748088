/**
 * The CLI's core: the same createCore as the app, over the same data folder, with no scheduler and a
 * host that cannot open a browser (OAuth sign-in happens in the app).
 */
import { createCore, type Core } from '../core/host/core'
import type { RequestChannel } from '../../shared/contract/channels'
import type { RequestInput, RequestOutput } from '../../shared/contract/contract'
import { defaultDataDir } from './data-dir'

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1
  ) {
    super(message)
  }
}

export type Session = {
  core: Core
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>
  close(): Promise<void>
}

export async function openSession(
  env: Readonly<Record<string, string | undefined>>,
  opts: { pageSize?: number } = {}
): Promise<Session> {
  const token = env.WEBEX_ACCESS_TOKEN?.trim()
  const core = await createCore({
    dataDir: defaultDataDir(env),
    appVersion: env.ROSTER_APP_VERSION ?? '0.1.0',
    webexBaseUrl: env.WEBEX_BASE_URL?.trim() || undefined,
    webexAccessToken: token || undefined,
    scheduler: false,
    // A one-shot command: no quiet-hour task or catch-up pass (the app does the daily backup).
    maintenance: false,
    // A script has no banner to learn of damage later: the check runs before any command.
    backgroundStartupCheck: false,
    ingestPageSize: opts.pageSize,
    host: {
      openExternal: () =>
        Promise.reject(new CliError('Use the Roster app to authenticate this credential.'))
    }
  })
  return {
    core,
    async call(channel, input) {
      const env2 = await core.call(channel, input)
      if (!env2.ok) throw new CliError(`${env2.error.code}: ${env2.error.message}`)
      return env2.value as never
    },
    close: () => core.close()
  }
}
