/**
 * One isolated Roster per test: a temp data folder, a Webex simulator on a random port, the test host
 * over them as a child process, and the page opened on it and ready. Cleaned up after the test.
 */
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWebexSim } from '../../electron/webex-sim/index'
import type { SimHandle } from '../../electron/webex-sim/types'
import { assertRendererBuilt, startHost, type HostProcess } from './host-process'

export type Roster = {
  sim: SimHandle
  dataDir: string
  host: HostProcess
  /**
   * Stops the host (`crash`: kills it) and starts a new one over the same data folder and simulator,
   * then reloads; `whileStopped` runs in between (e.g. to damage the database while Roster is closed).
   */
  restartHost(whileStopped?: () => void | Promise<void>, opts?: { crash?: boolean }): Promise<void>
  /** stdout/stderr of every host process this test started. */
  hostOutput(): string
}

export async function openReady(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.locator('[data-app-state="ready"]')).toBeAttached()
}

const NO_KEYCHAIN =
  'The OS keychain is unavailable to the test host. Run the e2e tests inside ' +
  '`bash tests/support/with-keyring.sh npx playwright test --project=browser`.'

export const test = base.extend<{
  roster: Roster
  hostEnv: Record<string, string>
  requireKeychain: boolean
}>({
  /** Extra environment for the host, e.g. `test.use({ hostEnv: { ROSTER_TEST_BROWSER: 'ignore' } })`. */
  hostEnv: [{}, { option: true }],
  /** Most tests store secrets: fail them early and clearly when the keychain is missing. */
  requireKeychain: [true, { option: true }],
  roster: async ({ page, hostEnv, requireKeychain }, use) => {
    assertRendererBuilt()
    const dataDir = await mkdtemp(join(tmpdir(), 'roster-e2e-'))
    const sim = await startWebexSim({ port: 0, users: 25, seed: 7 })
    const outputs: Array<() => string> = []
    const env = { dataDir, webexBaseUrl: sim.url, extra: hostEnv }
    const roster: Roster = {
      sim,
      dataDir,
      host: await startHost(env),
      restartHost: async (whileStopped, opts) => {
        await (opts?.crash ? roster.host.crash() : roster.host.stop())
        await whileStopped?.()
        roster.host = await startHost(env)
        outputs.push(roster.host.output)
        await openReady(page, roster.host.url)
      },
      hostOutput: () => outputs.map((o) => o()).join('\n')
    }
    outputs.push(roster.host.output)
    try {
      await openReady(page, roster.host.url)
      if (requireKeychain && (await page.getByTestId('keychain-banner').count()) > 0) {
        throw new Error(NO_KEYCHAIN)
      }
      await use(roster)
    } finally {
      await roster.host.stop()
      await sim.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }
})

export { expect }
