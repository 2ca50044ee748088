import { expect, skipWithoutElectron, test } from './fixtures'
import type { PageGlobals } from './page-types'

skipWithoutElectron()

test('shows one window titled Roster once it is ready', async ({ app, page }) => {
  await expect
    .poll(() =>
      app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))
    )
    .toEqual([true])
  const title = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows()[0]?.getTitle()
  )
  expect(title).toBe('Roster')
  expect(page.url()).toBe('app://app/index.html')
})

test('the renderer reaches the core through window.roster', async ({ page }) => {
  const status = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).roster.request['app:get-status'](undefined)
  )
  expect(status.ok).toBe(true)
  if (status.ok) expect(typeof status.value.version).toBe('string')
})

test('main answers a bad payload with BAD_REQUEST, not a thrown error', async ({ page }) => {
  const result = await page.evaluate(() =>
    // Deliberately wrong at run time, as a compromised renderer would send it.
    (globalThis as unknown as PageGlobals).roster.request['credentials:delete']({
      id: 5
    } as unknown as { id: string })
  )
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.error.code).toBe('BAD_REQUEST')
})
