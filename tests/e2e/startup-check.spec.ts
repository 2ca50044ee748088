/**
 * After a crash the core runs the full integrity_check in the background. The window shows the data
 * meanwhile, says that it is checking, and the banner leaves once the check has passed. The test
 * host holds the check until the test lets it go (ROSTER_TEST_HOLD_STARTUP_CHECK).
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { syncedDemoPeople } from './demo-flows'
import { expect, test } from './fixtures'

const RELEASE = 'release-startup-check'
test.use({ hostEnv: { ROSTER_TEST_HOLD_STARTUP_CHECK: RELEASE } })

test('after a crash the data shows at once while the database is checked, and the banner leaves when it passes', async ({
  page,
  roster
}) => {
  const { shell, people, total } = await syncedDemoPeople(page)

  await roster.restartHost(undefined, { crash: true })

  const checking = page.getByTestId('database-checking')
  await expect(checking).toContainText('Checking the local database after an unexpected shutdown')
  await shell.goTo('People')
  await expect(people.rows.first()).toBeVisible()
  expect(await people.totalCount()).toBe(total)
  await expect(checking).toBeVisible()

  writeFileSync(join(roster.dataDir, RELEASE), '')
  await expect(checking).toBeHidden()
  await expect(page.getByTestId('database-banner')).toHaveCount(0)
})
