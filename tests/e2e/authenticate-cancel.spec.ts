import { expect, test } from './fixtures'
import { freePort } from '../support/free-port'
import { CredentialsPage } from './pages/credentials'
import { ShellPage } from './pages/shell'

// The test browser never approves: the flow waits until the admin cancels it.
test.use({ hostEnv: { ROSTER_TEST_BROWSER: 'ignore' } })

test('authentication shows a waiting state that Cancel ends', async ({ page, roster }) => {
  const shell = new ShellPage(page)
  const creds = new CredentialsPage(page)
  const { oauthClient } = roster.sim
  await shell.goTo('Credentials')
  await creds.addOAuth({
    name: 'Pending',
    clientId: oauthClient.clientId,
    clientSecret: oauthClient.clientSecret,
    redirectPort: await freePort()
  })

  await creds.action('Pending', 'Authenticate').click()
  const waiting = creds.row('Pending').getByRole('status')
  await expect(waiting).toContainText('Waiting for you to approve in your browser…')
  await waiting.getByRole('button', { name: 'Cancel authentication of Pending' }).click()

  await expect(waiting).toBeHidden()
  await expect(creds.row('Pending').getByRole('alert')).toBeVisible()
  await expect(creds.status('Pending')).toHaveText('Not authorized')
  await expect(creds.action('Pending', 'Authenticate')).toBeEnabled()
})
