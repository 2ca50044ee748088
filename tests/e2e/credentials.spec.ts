/**
 * The main end-to-end path: add an OAuth credential, authorize it against the simulator through the
 * real core, survive a host restart, and prove that no token or client secret reached the disk, the
 * host's output or the page.
 */
import { expect, test } from './fixtures'
import { freePort } from '../support/free-port'
import { findIn, findInFiles } from './leak-scan'
import { CredentialsPage } from './pages/credentials'
import { ShellPage } from './pages/shell'

/** Prefixes of every secret value the simulator hands out (see electron/webex-sim/oauth/state.ts). */
const SECRET_PREFIXES = ['SIMACCESS_', 'SIMREFRESH_', 'SIMCODE_', 'SIMSECRET_', 'SIMADMIN_']

type Identity = { name: string; email: string; orgName: string }

/** Who the simulator's /authorize approves as: its built-in full admin (the admin token's owner). */
async function simAdmin(baseUrl: string, token: string): Promise<Identity> {
  const get = async (path: string): Promise<Record<string, unknown>> => {
    const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status, `GET ${path}`).toBe(200)
    return (await res.json()) as Record<string, unknown>
  }
  const me = await get('/people/me')
  const org = await get(`/organizations/${String(me.orgId)}`)
  return {
    name: String(me.displayName),
    email: String((me.emails as string[])[0]),
    orgName: String(org.displayName)
  }
}

test('an OAuth credential is authorized, survives a restart, and its secrets stay in the keychain', async ({
  page,
  roster
}) => {
  const shell = new ShellPage(page)
  const creds = new CredentialsPage(page)
  const { sim } = roster
  const admin = await simAdmin(sim.url, sim.token)
  sim.clearRequests()
  const redirectPort = await freePort()

  await shell.goTo('Credentials')
  await creds.addOAuth({
    name: 'Production',
    owner: 'IT Operations',
    clientId: sim.oauthClient.clientId,
    clientSecret: sim.oauthClient.clientSecret,
    redirectPort
  })
  await expect(creds.dialog).toBeHidden()
  await expect(creds.status('Production')).toHaveText('Not authorized')
  await expect(creds.row('Production')).toContainText('OAuth 2.0 integration')

  await creds.action('Production', 'Authenticate').click()
  await expect(creds.status('Production')).toHaveText('Authorized', { timeout: 20_000 })
  const authorizedAs = `Authorized as ${admin.name} (${admin.email}), org ${admin.orgName}`
  await expect(creds.row('Production').getByTestId('authorized-as')).toHaveText(authorizedAs)
  await expect(creds.row('Production').getByTestId('expires')).toContainText(
    /expires in \d+ (days?|weeks?)/
  )

  // The token endpoint was really used, with PKCE, on the redirect port the admin chose.
  const paths = sim.requests().map((r) => r.url)
  expect(paths.some((p) => p.includes('/access_token'))).toBe(true)
  const authorize = paths.find((p) => p.includes('/authorize'))
  expect(authorize).toContain(encodeURIComponent(`http://127.0.0.1:${redirectPort}/callback`))
  expect(authorize).toContain('code_challenge_method=S256')

  await roster.restartHost()
  await shell.goTo('Credentials')
  await expect(creds.status('Production')).toHaveText('Authorized')
  await expect(creds.row('Production').getByTestId('authorized-as')).toHaveText(authorizedAs)
  // Verify after the restart reads the token back from the keychain and calls Webex with it.
  sim.clearRequests()
  await creds.action('Production', 'Verify').click()
  await expect
    .poll(() => sim.requests().filter((r) => r.url.includes('/people/me')).length)
    .toBeGreaterThan(0)
  await expect(creds.status('Production')).toHaveText('Authorized')

  // The secrets the simulator saw: the client secret and every bearer token presented to it.
  const issued = sim
    .requests()
    .map((r) => r.token)
    .filter((t): t is string => t !== null)
  expect(issued.length).toBeGreaterThan(0)
  const needles = [...SECRET_PREFIXES, sim.oauthClient.clientSecret, ...new Set(issued)]

  // A string expression: this file is type-checked without the DOM library.
  const pageText = await page.evaluate<string>(
    'document.documentElement.outerHTML + JSON.stringify(localStorage)'
  )
  const onDisk = await findInFiles(roster.dataDir, needles)
  // The scan must have seen the database and the log, or "no leak" would mean nothing.
  const names = onDisk.files.map((f) => f.slice(roster.dataDir.length))
  expect(names.some((n) => n.endsWith('.db'))).toBe(true)
  expect(names.some((n) => n.includes('log'))).toBe(true)
  const leaks = [
    ...onDisk.leaks,
    ...findIn('host output', roster.hostOutput(), needles),
    ...findIn('page DOM and localStorage', pageText, needles)
  ]
  expect(leaks).toEqual([])
})
