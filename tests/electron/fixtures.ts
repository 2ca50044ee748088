/**
 * One launched Roster per test, each with its own data folder (ROSTER_DATA_DIR, which also moves
 * Electron's profile and single-instance lock there). Files importing this skip as a whole, with one
 * printed reason, when there is no Electron binary.
 */
import {
  test as base,
  _electron,
  expect,
  type ElectronApplication,
  type Page
} from '@playwright/test'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUILT_MAIN, REPO_ROOT, SKIP_REASON, electronBinary } from './electron-binary'

export { expect }

export const test = base.extend<{ dataDir: string; app: ElectronApplication; page: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  dataDir: async ({}, use, info) => {
    const dir = await mkdtemp(join(tmpdir(), `roster-electron-${info.workerIndex}-`))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },
  app: async ({ dataDir }, use) => {
    if (!electronBinary.available) throw new Error(SKIP_REASON) // unreachable: the file is skipped
    if (!existsSync(BUILT_MAIN)) {
      throw new Error(
        `${BUILT_MAIN} is missing: run \`npx electron-vite build\` before these tests`
      )
    }
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
    delete env.ELECTRON_RUN_AS_NODE
    env.ROSTER_DATA_DIR = dataDir
    // Chromium refuses to start its sandbox as root (containers); everything else stays as shipped.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
    const app = await _electron.launch({
      executablePath: electronBinary.path,
      args: [...rootArgs, BUILT_MAIN],
      cwd: REPO_ROOT,
      env
    })
    await use(app)
    await app.close()
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    await use(page)
  }
})

/** File-level skip: call at the top of every spec file. */
export function skipWithoutElectron(): void {
  test.skip(!electronBinary.available, SKIP_REASON)
}
