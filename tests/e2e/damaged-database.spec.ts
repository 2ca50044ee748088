/**
 * F5 in the window: a database damaged while Roster was closed. The startup check runs in the
 * background (the window opens at once); when it finds the damage the banner offers the newest
 * backup, and restoring it brings the people back.
 */
import { join } from 'node:path'
import { DATABASE_FILE } from '../../electron/core/host/core'
import { corruptPages } from '../support/corrupt-pages'
import { syncedDemoPeople } from './demo-flows'
import { expect, test } from './fixtures'

test('a database damaged while closed: the background check finds it, and the newest backup brings the people back', async ({
  page,
  roster
}) => {
  const { shell, people, total } = await syncedDemoPeople(page)
  const backup = page.getByTestId('backup-status')
  await backup.getByRole('button', { name: 'Back up now' }).click()
  await expect(backup).toContainText('Backed up now')

  await roster.restartHost(() => corruptPages(join(roster.dataDir, DATABASE_FILE), 'people'))

  const banner = page.getByTestId('database-banner')
  await expect(banner).toContainText('The local database is damaged')
  await expect(banner).toContainText('roster-v')
  await banner.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(banner).toBeHidden()

  await shell.goTo('People')
  await expect(people.rows.first()).toBeVisible()
  expect(await people.totalCount()).toBe(total)
})
