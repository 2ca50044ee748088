import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'

test('the header tells when the database was last backed up, and "Back up now" makes one', async ({
  page,
  roster
}) => {
  const status = page.getByTestId('backup-status')
  // A new database has nothing worth a backup yet.
  await expect(status).toContainText('No backup yet')
  await status.getByRole('button', { name: 'Back up now' }).click()
  await expect(status).toContainText('Backed up now')
  await expect(status.getByRole('button', { name: 'Back up now' })).toBeHidden()
  await expect(status.locator('[title]')).toHaveAttribute(
    'title',
    /Last backup: .+\. Last full check: .+ \(passed\)/
  )
  const backups = readdirSync(join(roster.dataDir, 'backups')).filter((f) => f.endsWith('.db'))
  expect(backups).toHaveLength(1)
})
