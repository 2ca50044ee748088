/**
 * The mapping studio on the demo organization, after a first sync (so there is a last read): custom
 * API fields created and previewed, target fields created on the spot, one mapped by mouse drag and
 * drop and one by keyboard only, undo, a filter rule, the impact preview, save, a sync, and the new
 * values on a person's page.
 */
import { expect, test } from './fixtures'
import type { IntegrationsPage } from './pages/integrations'
import { MappingPage } from './pages/mapping'
import { RecordListPage } from './pages/records'
import { ShellPage } from './pages/shell'
import { collectConsoleErrors } from './console-errors'
import { syncedDemo } from './demo-flows'

const NAME = 'Webex users'
/** `ROSTER_SCREENSHOTS=1` also writes the README's screenshot of the editor. */
const SCREENSHOT = process.env.ROSTER_SCREENSHOTS === '1'

test.use({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })

async function runAndWait(integrations: IntegrationsPage): Promise<void> {
  await integrations.runNow(NAME).click()
  const progress = integrations.progress(NAME)
  await expect(progress).toHaveAttribute('data-run-state', 'running')
  await expect(progress).toHaveAttribute('data-run-state', 'finished', { timeout: 60_000 })
}

/** Preview rows ("Ada Lovelace\t+1 408 555 1234") that have a value. */
function withValues(rows: string[]): { name: string; value: string }[] {
  return rows
    .map((row) => row.split('\t').map((s) => s.trim()))
    .filter(([name, value]) => name && value && value !== 'empty')
    .map(([name = '', value = '']) => ({ name, value }))
}

test('map custom API fields by mouse and by keyboard, filter, preview the impact, save and sync', async ({
  page,
  roster: _roster
}) => {
  test.setTimeout(180_000)
  const consoleErrors = collectConsoleErrors(page)
  const shell = new ShellPage(page)
  const integrations = await syncedDemo(page)
  const mapping = new MappingPage(page)

  await integrations
    .row(NAME)
    .getByRole('button', { name: `Edit mapping of ${NAME}` })
    .click()
  await expect(mapping.editor).toBeVisible()
  await expect(page.getByTestId('sources-sampled')).toContainText('Samples from')
  // The twelve standard fields are sources, with sample values from the last read.
  await expect(
    mapping.sources.getByRole('list', { name: 'Standard Webex fields' }).getByTestId('source-card')
  ).toHaveCount(12)
  await expect(mapping.source('Standard Webex fields', 'Email')).toContainText('@')

  // A bad expression says where it went wrong, at once.
  await mapping.sources.getByRole('button', { name: 'New API field' }).click()
  const apiDialog = page.getByRole('dialog', { name: 'New custom API field' })
  await apiDialog.getByLabel('Path or template').fill("phoneNumbers[?type=='work'.value")
  await expect(apiDialog.getByTestId('expression-error')).toBeVisible()
  await expect(apiDialog.getByTestId('expression-error')).toContainText('^')
  await apiDialog.getByRole('button', { name: 'Cancel' }).click()

  // Mouse: a custom API field onto a target field created on the spot.
  const phones = await mapping.createApiField('Work phone', "phoneNumbers[?type=='work'].value")
  const phoneSamples = withValues(phones)
  expect(phoneSamples.length).toBeGreaterThan(0)
  await mapping.createTargetField('Work phone')
  await mapping.dragWithMouse(
    mapping.source('Custom API fields', 'Work phone'),
    mapping.target('Work phone')
  )
  await expect(mapping.sourceSelect('Work phone')).toHaveValue(/phoneNumbers/)
  await expect(mapping.draftState).toHaveText('Unsaved changes')

  // Keyboard only: pick up, arrow to the target, drop.
  const cities = await mapping.createApiField('City', 'addresses[0].locality')
  await mapping.createTargetField('City')
  await mapping.dragWithKeyboard(mapping.source('Custom API fields', 'City'), 'City')
  await expect(mapping.sourceSelect('City')).toHaveValue(/addresses\[0\]\.locality/)
  if (SCREENSHOT) {
    // A focused view: the phone sources, and Work phone's transform chain with its preview.
    await mapping.sources.getByLabel('Find a source field').fill('phone')
    await mapping.editor.getByRole('button', { name: 'Transforms of Work phone' }).click()
    await mapping.editor
      .getByLabel('Add a transform to Work phone')
      .selectOption({ label: 'First of a list' })
    const preview = mapping.target('Work phone').getByTestId('transform-preview')
    await expect(preview.getByText('+', { exact: false }).first()).toBeVisible()
    await mapping.target('Work phone').scrollIntoViewIfNeeded()
    // Back to the top of the page (the wheel over the title scrolls the page, not a column).
    await page.getByTestId('record-title').hover()
    await page.mouse.wheel(0, -2000)
    await expect(page.getByTestId('record-title')).toBeInViewport()
    await page.screenshot({ path: 'docs/screenshots/mapping-editor.png' })
    await mapping.editor.getByRole('button', { name: 'Transforms of Work phone' }).click()
    await mapping.sources.getByLabel('Find a source field').fill('')
  }

  // The dropdown path, then undo (button and Ctrl+Z) puts things back.
  await mapping.sourceSelect('Display name').selectOption({ label: 'Email' })
  await expect(mapping.sourceSelect('Display name')).toHaveValue('email')
  await mapping.editor.getByRole('button', { name: /^Undo/ }).click()
  await expect(mapping.sourceSelect('Display name')).toHaveValue('displayName')
  await mapping.sourceSelect('Display name').selectOption({ label: 'Email' })
  await mapping.editor.getByRole('heading', { name: 'Roster target fields' }).click()
  await page.keyboard.press('Control+z')
  await expect(mapping.sourceSelect('Display name')).toHaveValue('displayName')
  await expect(mapping.sourceSelect('City')).toHaveValue(/locality/)

  // A filter rule: only people (not rooms or bots).
  const filters = page.getByTestId('filters-panel')
  await filters.getByRole('button', { name: 'Add filter rule' }).click()
  const rule = filters.getByTestId('filter-rule')
  await expect(rule.getByLabel('Rule 1 condition 1 field')).toHaveValue('type')
  await expect(rule.getByLabel('Rule 1 condition 1 operator')).toHaveValue('equals')
  await expect(rule.getByLabel('Rule 1 condition 1 value')).toHaveValue('person')

  // Impact preview, then save.
  await mapping.editor.getByRole('button', { name: 'Review and save' }).click()
  const review = page.getByRole('dialog', { name: 'Review and save' })
  const counts = review.getByTestId('impact-counts')
  await expect(counts).toBeVisible({ timeout: 30_000 })
  const changed = Number(
    ((await counts.locator('[data-count="update"] dd').textContent()) ?? '').replace(/\D/g, '')
  )
  expect(changed).toBeGreaterThan(0)
  await review.getByRole('button', { name: 'Save changes' }).click()
  await expect(review).toBeHidden()
  await expect(mapping.draftState).toHaveText('Saved')

  // Sync, then the values are on the person.
  await mapping.editor.getByRole('button', { name: '← Integrations' }).click()
  await runAndWait(integrations)
  await expect(integrations.lastRun(NAME).locator('[data-run-status]')).toHaveText('Succeeded')

  // A sampled person whose name is unique in People: their page shows the new field and value.
  const people = new RecordListPage(page, 'people')
  await shell.goTo('People')
  let phone: { name: string; value: string } | null = null
  for (const sample of phoneSamples) {
    await people.search.fill(sample.name)
    await expect(people.rows.filter({ hasText: sample.name }).first()).toBeVisible()
    if ((await people.totalCount()) === 1) {
      phone = sample
      break
    }
  }
  if (!phone) throw new Error('every sampled name is shared by several people')
  await people.rows.filter({ hasText: phone.name }).first().click()
  await expect(people.title).toHaveText(phone.name)
  const record = page.getByRole('region', { name: 'Person record' })
  await expect(record.getByText('Work phone', { exact: true })).toBeVisible()
  await expect(record).toContainText(phone.value)
  const city = withValues(cities).find((c) => c.name === phone?.name)
  if (city) await expect(record).toContainText(city.value)
  expect(consoleErrors).toEqual([])
})
