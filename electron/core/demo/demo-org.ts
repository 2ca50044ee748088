/**
 * The built-in demo organization: the Webex simulator running inside the core on a free loopback port,
 * with a demo credential (clearly flagged `isDemo`) pointing at it. Each launch starts a new simulator
 * with a new token, kept in memory only (credentials/credential-vault.ts says why), so the demo needs
 * no keychain. The same credential record is pointed at each launch's simulator, so integrations that
 * use it keep working across launches.
 */
import { AppError } from '../errors'
import type { Logger } from '../log/logger'
import type { CredentialsService } from '../credentials/credentials-service'
import type { CredentialsRepo } from '../store/repositories/credentials-repo'
import type { Credential } from '../../../shared/domain/credential'
import { startWebexSim } from '../../webex-sim'
import type { SimHandle } from '../../webex-sim/types'

export const DEMO_SEED = 20261128
export const DEMO_USERS = 2500
export const DEMO_CREDENTIAL_NAME = 'Demo organization'

export function createDemoOrg(deps: {
  credentials: CredentialsService
  repo: CredentialsRepo
  logger: Logger
  users?: number
}) {
  let sim: SimHandle | null = null
  let starting: Promise<Credential> | null = null

  const demoRecord = () => deps.repo.list().find((c) => c.isDemo) ?? null

  async function start(): Promise<Credential> {
    if (!sim) {
      sim = await startWebexSim({ users: deps.users ?? DEMO_USERS, seed: DEMO_SEED })
      deps.logger.info('demo.started', { url: sim.url, users: sim.org.count() })
    }
    const existing = demoRecord()
    if (existing) {
      // The port and the token change from launch to launch: point the credential at today's.
      await deps.credentials.update({ id: existing.id, baseUrl: sim.url, accessToken: sim.token })
      return deps.credentials.get(existing.id)
    }
    return deps.credentials.create(
      {
        authType: 'token',
        name: DEMO_CREDENTIAL_NAME,
        owner: 'Roster demo',
        accessToken: sim.token,
        baseUrl: sim.url
      },
      { isDemo: true }
    )
  }

  return {
    /** Start (or return) the demo; concurrent calls share one start. */
    start(): Promise<Credential> {
      starting ??= start().finally(() => (starting = null))
      return starting.catch((e: unknown) => {
        throw e instanceof AppError
          ? e
          : new AppError('INTERNAL', 'The demo organization could not start.', { cause: e })
      })
    },
    /** Restart the demo after a relaunch if the admin had started it before. */
    async resume(): Promise<void> {
      if (demoRecord()) await this.start()
    },
    isRunning: () => sim !== null,
    async stop(): Promise<void> {
      await sim?.stop()
      sim = null
    }
  }
}
export type DemoOrg = ReturnType<typeof createDemoOrg>
