import { expect, test } from './fixtures'
import { CredentialsPage } from './pages/credentials'
import { ShellPage } from './pages/shell'

test('an invalid form shows an error next to each wrong field and sends nothing', async ({
  page,
  roster: _roster
}) => {
  const shell = new ShellPage(page)
  const creds = new CredentialsPage(page)
  await shell.goTo('Credentials')
  await creds.addButton.click()
  await expect(creds.dialog.getByTestId('redirect-uri')).toHaveText(
    'http://127.0.0.1:8765/callback'
  )

  await creds.field('Scopes').fill('spark:people_read  bad scope!')
  await creds.field('Redirect port').fill('80')
  await expect(creds.dialog.getByTestId('redirect-uri')).toHaveText('http://127.0.0.1:80/callback')
  await creds.submit()

  await expect(creds.fieldError('Name')).toHaveText('Give the credential a name.')
  await expect(creds.fieldError('Client ID')).toContainText('client ID')
  await expect(creds.fieldError('Client secret')).toContainText('client secret')
  await expect(creds.fieldError('Scopes')).toContainText('single spaces')
  await expect(creds.fieldError('Redirect port')).toHaveText('Use a port from 1024 to 65535.')
  await expect(creds.field('Name')).toHaveAttribute('aria-invalid', 'true')

  // Switching to an access token asks for the token instead.
  await creds.dialog.getByRole('radio', { name: 'Access token' }).check()
  await creds.field('Name').fill('Trial')
  await creds.submit()
  await expect(creds.fieldError('Access token')).toBeVisible()
  await expect(creds.fieldError('Name')).toBeHidden()

  // Escape closes the dialog; nothing was created.
  await page.keyboard.press('Escape')
  await expect(creds.dialog).toBeHidden()
  await expect(creds.table).toBeHidden()
})

test('a server error is shown in plain words next to the form', async ({ page, roster }) => {
  const shell = new ShellPage(page)
  const creds = new CredentialsPage(page)
  await shell.goTo('Credentials')
  const client = roster.sim.oauthClient
  await creds.addOAuth({
    name: 'Prod',
    clientId: client.clientId,
    clientSecret: client.clientSecret
  })
  await expect(creds.row('Prod')).toBeVisible()

  // Same name again: the core refuses it and the form says why, without a stack trace.
  await creds.addOAuth({
    name: 'Prod',
    clientId: client.clientId,
    clientSecret: client.clientSecret
  })
  await expect(creds.serverError).toBeVisible()
  await expect(creds.serverError).not.toContainText(' at ')
  await expect(creds.field('Client secret')).toHaveValue('')
})

test('delete asks for confirmation naming the credential', async ({ page, roster }) => {
  const shell = new ShellPage(page)
  const creds = new CredentialsPage(page)
  await shell.goTo('Credentials')
  const client = roster.sim.oauthClient
  await creds.addOAuth({
    name: 'Staging',
    clientId: client.clientId,
    clientSecret: client.clientSecret
  })
  await expect(creds.row('Staging')).toBeVisible()

  await creds.action('Staging', 'Delete').click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Staging”?' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  await expect(creds.row('Staging')).toBeVisible()
  // Focus goes back to the button that opened the dialog.
  await expect(creds.action('Staging', 'Delete')).toBeFocused()

  await creds.action('Staging', 'Delete').click()
  await confirm.getByRole('button', { name: 'Delete credential' }).click()
  await expect(confirm).toBeHidden()
  await expect(creds.row('Staging')).toHaveCount(0)
})
