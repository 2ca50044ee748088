/**
 * The user ingest end to end through the real core: the demo organization, an integration created
 * and launched, a run watched to its end, People browsed (virtual list, search on the server), a
 * person opened with their Webex account and history, and the run found in Activity with its counts.
 */
import { expect, test } from './fixtures'
import { ActivityPage } from './pages/activity'
import { IntegrationsPage } from './pages/integrations'
import { RecordListPage } from './pages/records'
import { ShellPage } from './pages/shell'
import { collectConsoleErrors } from './console-errors'
import { launchedDemo } from './demo-flows'

const NAME = 'Webex users'

test('demo organization → integration → run → People, person page and Activity', async ({
  page,
  roster: _roster
}) => {
  test.setTimeout(120_000)
  const consoleErrors = collectConsoleErrors(page)
  const shell = new ShellPage(page)
  const integrations = new IntegrationsPage(page)
  const people = new RecordListPage(page, 'people')
  const activity = new ActivityPage(page)

  await shell.welcomeCard.getByRole('button', { name: 'Explore with a demo organization' }).click()
  await expect(shell.demoBadge).toBeVisible()

  // Before any run, People says what to do.
  await shell.goTo('People')
  await expect(
    shell.main.getByText('No people yet. Add a credential and launch the Webex users integration.')
  ).toBeVisible()

  // Create the integration: the form starts with the demo credential, the default mapping and role.
  await shell.goTo('Integrations')
  await integrations.createButton.click()
  await expect(integrations.field('Name')).toHaveValue(NAME)
  await expect(integrations.field('Credential')).toHaveValue(/.+/)
  await expect(integrations.dialog.getByTestId('form-readiness')).toHaveText(
    'Ready to launch once saved.'
  )
  await integrations.submit()
  await expect(integrations.dialog).toBeHidden()
  await expect(integrations.status(NAME)).toHaveText('Draft')
  await expect(integrations.row(NAME)).toContainText('Daily at 02:30')

  await integrations.action(NAME, 'Launch').click()
  await expect(integrations.status(NAME)).toHaveText('Launched')

  // Run now: the progress panel appears at once and ends with the outcome (no sleeps: UI state).
  await integrations.runNow(NAME).click()
  const progress = integrations.progress(NAME)
  await expect(progress).toBeVisible()
  await expect(progress.getByRole('progressbar', { name: 'Run progress' })).toBeVisible()
  await expect(progress).toHaveAttribute('data-run-state', 'finished', { timeout: 60_000 })
  await expect(progress.locator('[data-run-status]')).toHaveText('Succeeded')
  await expect(integrations.lastRun(NAME).locator('[data-run-status]')).toHaveText('Succeeded')

  // People: a virtual list over the whole organization.
  await shell.goTo('People')
  await expect(people.rows.first()).toBeVisible()
  const total = await people.totalCount()
  expect(total).toBeGreaterThan(100)
  // Only a window of rows is in the DOM, however many people there are.
  expect(await people.grid.getByRole('row').count()).toBeLessThan(100)

  // Scroll far down: rows there are fetched on demand and rendered.
  await people.grid.hover()
  await page.mouse.wheel(0, 32 * 400)
  await expect
    .poll(async () => Number(await people.rows.first().getAttribute('aria-rowindex')))
    .toBeGreaterThan(200)
  await expect(people.rows.first()).toBeVisible()
  // Keyboard: End goes to the last person.
  await people.grid.focus()
  await page.keyboard.press('End')
  await expect(people.rowAt(total + 1).and(page.getByTestId('vt-row'))).toBeVisible()
  await page.keyboard.press('Home')
  const firstRow = people.rowAt(2).and(page.getByTestId('vt-row'))
  await expect(firstRow).toBeVisible()

  // Search (on the server) for a prefix of the first person's name.
  const name = ((await people.cell(firstRow, 0).textContent()) ?? '').trim()
  expect(name.length).toBeGreaterThan(3)
  const prefix = name.slice(0, 4)
  await people.search.fill(prefix)
  await expect.poll(() => people.totalCount()).toBeLessThan(total)
  await expect(people.rows.filter({ hasText: name }).first()).toBeVisible()

  // Open the person (keyboard: focus the grid, Enter on the active row, which holds the name).
  const match = people.rows.filter({ hasText: name }).first()
  await match.click()
  await expect(people.title).toHaveText(name)
  const account = page.getByTestId('webex-account')
  await expect(account).toBeVisible()
  await expect(account.getByText('Roles', { exact: true })).toBeVisible()
  await expect(account.getByText('Last activity', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Change history' })).toBeVisible()
  await expect(page.getByTestId('history-row').first()).toBeVisible()

  // The run in Activity, with its counts.
  await shell.goTo('Activity')
  await expect(activity.runRows.first()).toBeVisible()
  await activity.runRows.first().getByRole('button').click()
  await expect(activity.detail).toBeVisible()
  await expect(activity.detail.locator('[data-run-status]').first()).toHaveText('Succeeded')
  await expect(activity.count('created')).toHaveText(new Intl.NumberFormat('en-US').format(total))
  await expect(activity.count('failed')).toHaveText('0')
  expect(consoleErrors).toEqual([])
})

test('Preview shows the dry-run plan with counts and items, and Apply runs it', async ({
  page,
  roster: _roster
}) => {
  test.setTimeout(120_000)
  const integrations = await launchedDemo(page)

  await integrations.action(NAME, 'Preview').click()
  const dialog = page.getByRole('dialog', { name: `Preview of “${NAME}”` })
  const counts = dialog.getByTestId('plan-counts')
  await expect(counts).toBeVisible({ timeout: 60_000 })
  const created = counts.locator('div', { hasText: 'Create' }).locator('dd')
  await expect(created).not.toHaveText('0')
  await expect(dialog.getByTestId('plan-item').first()).toBeVisible()
  // Another action tab: nothing is unchanged before the first sync.
  await dialog.getByRole('tab', { name: 'Unchanged' }).click()
  await expect(dialog.getByText('Nothing to unchanged.')).toBeVisible()

  await dialog.getByRole('button', { name: 'Apply this plan' }).click()
  await expect(dialog).toBeHidden()
  const progress = integrations.progress(NAME)
  await expect(progress).toHaveAttribute('data-run-state', 'finished', { timeout: 60_000 })
  await expect(progress).toContainText('Apply plan finished')
})

test('People by keyboard, the column chooser, and a Webex user page', async ({
  page,
  roster: _roster
}) => {
  test.setTimeout(120_000)
  const shell = new ShellPage(page)
  const integrations = await launchedDemo(page)
  await integrations.runNow(NAME).click()
  await expect(integrations.progress(NAME)).toHaveAttribute('data-run-state', 'finished', {
    timeout: 60_000
  })

  const people = new RecordListPage(page, 'people')
  await shell.goTo('People')
  await expect(people.rows.first()).toBeVisible()

  // Sort by Email from its header: the server answers in order.
  await people.grid.getByRole('button', { name: 'Email' }).click()
  await expect(people.grid.getByRole('columnheader', { name: /Email/ })).toHaveAttribute(
    'aria-sort',
    'ascending'
  )

  // Column chooser: show Username, remembered across views.
  await page.getByText('Columns', { exact: true }).click()
  await page.getByRole('group', { name: 'Visible columns' }).getByLabel('Username').check()
  await expect(people.grid.getByRole('columnheader', { name: 'Username' })).toBeVisible()
  await shell.goTo('Dashboard')
  await shell.goTo('People')
  await expect(people.grid.getByRole('columnheader', { name: 'Username' })).toBeVisible()

  // Arrow keys move the active row, Enter opens it.
  await people.grid.focus()
  await page.keyboard.press('ArrowDown')
  const second = people.rowAt(3)
  await expect(second).toHaveAttribute('aria-selected', 'true')
  const name = ((await people.cell(second, 0).textContent()) ?? '').trim()
  await page.keyboard.press('Enter')
  await expect(people.title).toHaveText(name)
  await page.getByRole('button', { name: '← People' }).click()
  await expect(people.grid).toBeVisible()

  // The Webex users list is the same component over the SaaS users.
  const users = new RecordListPage(page, 'Webex users')
  await shell.goTo('Users')
  await expect(users.rows.first()).toBeVisible()
  expect(await users.totalCount()).toBeGreaterThan(100)
  await users.rows.first().click()
  await expect(page.getByTestId('saas-user-page')).toBeVisible()
  await expect(page.getByTestId('webex-account')).toContainText('Licences')
})
