import { expect, test } from './fixtures'
import { CredentialsPage } from './pages/credentials'
import { ShellPage } from './pages/shell'

test('first run offers the demo organization, and starting it shows a demo credential', async ({
  page,
  roster: _roster
}) => {
  const shell = new ShellPage(page)
  const creds = new CredentialsPage(page)

  await expect(shell.welcomeCard).toBeVisible()
  await expect(
    shell.welcomeCard.getByRole('button', { name: 'Add your Webex credential' })
  ).toBeVisible()
  await expect(shell.demoBadge).toBeHidden()

  await shell.welcomeCard.getByRole('button', { name: 'Explore with a demo organization' }).click()

  await expect(shell.demoBadge).toBeVisible()
  await expect(shell.welcomeCard).toBeHidden()
  await shell.goTo('Credentials')
  await expect(creds.table.getByTestId('credential-row')).toHaveCount(1)
  const demoRow = creds.table.getByTestId('credential-row').first()
  await expect(demoRow.getByText('Demo', { exact: true })).toBeVisible()
  await expect(demoRow.locator('[data-status]')).toHaveText('Authorized')
  await expect(demoRow.getByTestId('authorized-as')).toContainText('Authorized as')
})

test('"Add your Webex credential" opens the form on the Credentials page', async ({
  page,
  roster: _roster
}) => {
  const shell = new ShellPage(page)
  await shell.welcomeCard.getByRole('button', { name: 'Add your Webex credential' }).click()
  await expect(shell.heading).toHaveText('Credentials')
  await expect(page.getByRole('dialog', { name: 'Add credential' })).toBeVisible()
})
