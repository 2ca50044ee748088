/** A real core over a temp data folder, the simulator and an in-memory keychain stand-in. */
import { createCore, type Core, type CoreOptions } from '../../../electron/core/host/core'
import { startWebexSim } from '../../../electron/webex-sim'
import type { SimHandle, SimOptions } from '../../../electron/webex-sim/types'
import type { Envelope } from '../../../shared/contract/envelope'
import type { RequestChannel } from '../../../shared/contract/channels'
import type { RequestInput, RequestOutput } from '../../../shared/contract/contract'
import { followLikeABrowser } from '../../support/browser-stand-in'
import { makeDataDir } from '../../support/data-dir'
import { createMemorySecretStore, type MemorySecretStore } from '../../support/memory-secret-store'
import type { SecretStore } from '../../../electron/core/secrets/secret-store'

export type Harness = {
  core: Core
  sim: SimHandle
  dir: string
  secrets: MemorySecretStore
  opened: string[]
  call<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C>>
  raw(channel: unknown, input: unknown): Promise<Envelope<unknown>>
  restart(): Promise<void>
  close(): Promise<void>
}

export async function startHarness(
  simOpts: SimOptions = {},
  opts: {
    secretStore?: SecretStore
    secrets?: MemorySecretStore
    /** Extra core options (e.g. `maintenance`), applied on every boot. */
    core?: Partial<CoreOptions>
  } = {}
): Promise<Harness> {
  const sim = await startWebexSim({ users: 40, seed: 7, ...simOpts })
  const { dir, cleanup } = makeDataDir('roster-core-')
  const secrets = opts.secrets ?? createMemorySecretStore()
  const opened: string[] = []
  const boot = () =>
    createCore({
      dataDir: dir,
      appVersion: '0.0.0-test',
      webexBaseUrl: sim.url,
      secretStore: opts.secretStore ?? secrets,
      host: {
        openExternal: async (url) => {
          opened.push(url)
          await followLikeABrowser(url)
        }
      },
      ...opts.core
    })
  const h: Harness = {
    core: await boot(),
    sim,
    dir,
    secrets,
    opened,
    raw: (channel, input) => h.core.call(channel, input),
    async call(channel, input) {
      const env = await h.core.call(channel, input)
      if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code })
      return env.value as never
    },
    async restart() {
      await h.core.close()
      h.core = await boot()
    },
    async close() {
      await h.core.close()
      await sim.stop()
      cleanup()
    }
  }
  return h
}
