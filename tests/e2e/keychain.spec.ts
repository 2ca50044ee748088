/**
 * S15 as the admin sees it: the host's keychain is really unreachable (its Secret Service bus does
 * not exist), so the probe fails. One banner says what that means and why, once, and stays until
 * the keychain comes back. A real credential cannot be added, but the demo organization, whose token
 * lives in memory only, still starts and syncs.
 */
import { DEMO_INTEGRATION, syncedDemo } from './demo-flows'
import { expect, test } from './fixtures'
import { ShellPage } from './pages/shell'

test.use({
  requireKeychain: false,
  // No session bus and no display to autolaunch one: libsecret fails at once.
  hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/roster-e2e-bus', DISPLAY: '' }
})

test('a missing keychain shows one banner that explains it and names the cause once', async ({
  page,
  roster: _roster
}) => {
  const banner = page.getByTestId('keychain-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('The system keychain is locked or unavailable.')
  await expect(page.getByTestId('keychain-reason')).toHaveText(/^ ?Cause: .+\.$/)
  const text = await banner.innerText()
  // The explanation is said once: not again by the probe's own sentence.
  expect(text.match(/locked or unavailable/g)?.length, text).toBe(1)
  expect(text.match(/credentials/g)?.length, text).toBe(1)
  expect(text).not.toContain('Roster stores secrets only there')
  await banner.getByRole('button', { name: 'Check again' }).click()
  await expect(banner).toBeVisible()
})

test('without a keychain the demo organization still starts and syncs', async ({
  page,
  roster: _roster
}) => {
  const shell = new ShellPage(page)
  await expect(page.getByTestId('keychain-banner')).toBeVisible()
  await expect(
    shell.welcomeCard.getByRole('button', { name: 'Add your Webex credential' })
  ).toBeDisabled()
  const integrations = await syncedDemo(page)
  await expect(integrations.lastRun(DEMO_INTEGRATION).locator('[data-run-status]')).toHaveText(
    'Succeeded'
  )
})
