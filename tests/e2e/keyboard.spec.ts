import { expect, test } from './fixtures'
import { ShellPage } from './pages/shell'

test('keyboard: Tab reaches the skip link and the navigation, Enter switches views', async ({
  page,
  roster: _roster
}) => {
  const shell = new ShellPage(page)
  await expect(shell.navItem('Dashboard')).toHaveAttribute('aria-current', 'page')

  await page.keyboard.press('Tab')
  await expect(shell.skipLink).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(shell.navItem('Dashboard')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(shell.navItem('People')).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(shell.heading).toHaveText('People')
  await expect(shell.navItem('People')).toHaveAttribute('aria-current', 'page')
  await expect(shell.navItem('Dashboard')).not.toHaveAttribute('aria-current', 'page')
  await expect(
    shell.main.getByText('No people yet. Add a credential and launch the Webex users integration.')
  ).toBeVisible()

  // The empty state's action is reachable too and leads to Credentials.
  await shell.main.getByRole('button', { name: 'Go to Credentials' }).focus()
  await page.keyboard.press('Enter')
  await expect(shell.heading).toHaveText('Credentials')

  // The skip link moves focus into the main landmark.
  await shell.skipLink.focus()
  await page.keyboard.press('Enter')
  await expect(shell.main).toBeFocused()
})
