/** Steps several e2e specs start from: the demo organization with the default integration. */
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { IntegrationsPage } from './pages/integrations'
import { RecordListPage } from './pages/records'
import { ShellPage } from './pages/shell'

export const DEMO_INTEGRATION = 'Webex users'

/** Demo organization with a launched "Webex users" integration. */
export async function launchedDemo(page: Page): Promise<IntegrationsPage> {
  const shell = new ShellPage(page)
  const integrations = new IntegrationsPage(page)
  await shell.welcomeCard.getByRole('button', { name: 'Explore with a demo organization' }).click()
  await expect(shell.demoBadge).toBeVisible()
  await shell.goTo('Integrations')
  await integrations.createButton.click()
  await integrations.submit()
  await expect(integrations.dialog).toBeHidden()
  await integrations.action(DEMO_INTEGRATION, 'Launch').click()
  await expect(integrations.status(DEMO_INTEGRATION)).toHaveText('Launched')
  return integrations
}

/** The same, run once to the end (so there is a last read). */
export async function syncedDemo(page: Page): Promise<IntegrationsPage> {
  const integrations = await launchedDemo(page)
  await integrations.runNow(DEMO_INTEGRATION).click()
  await expect(integrations.progress(DEMO_INTEGRATION)).toHaveAttribute(
    'data-run-state',
    'finished',
    { timeout: 60_000 }
  )
  return integrations
}

/** The synced demo with People open: the page objects and how many people it shows. */
export async function syncedDemoPeople(
  page: Page
): Promise<{ shell: ShellPage; people: RecordListPage; total: number }> {
  const shell = new ShellPage(page)
  const people = new RecordListPage(page, 'people')
  await syncedDemo(page)
  await shell.goTo('People')
  await expect(people.rows.first()).toBeVisible()
  return { shell, people, total: await people.totalCount() }
}
