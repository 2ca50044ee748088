/** Locators and actions of the mapping editor (mapping studio) of an integration. */
import { expect, type Locator, type Page } from '@playwright/test'

export class MappingPage {
  readonly editor: Locator
  readonly sources: Locator
  readonly targets: Locator
  readonly dialog: Locator
  readonly draftState: Locator

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('mapping-editor')
    this.sources = page.getByRole('region', { name: 'Webex source fields' })
    this.targets = page.getByRole('region', { name: 'Roster target fields' })
    this.dialog = page.getByRole('dialog')
    this.draftState = page.getByTestId('draft-state')
  }

  /** A source card in one group ("Standard Webex fields", "Custom API fields", ...). */
  source(group: string, label: string): Locator {
    return this.sources
      .getByRole('list', { name: group })
      .getByTestId('source-card')
      .filter({ has: this.page.locator('.source-label').getByText(label, { exact: true }) })
  }

  target(label: string): Locator {
    return this.targets
      .getByTestId('target-row')
      .filter({ has: this.page.locator('.target-label').getByText(label, { exact: true }) })
  }

  sourceSelect(label: string): Locator {
    return this.target(label).getByRole('combobox', { name: `Source for ${label}`, exact: true })
  }

  async createApiField(name: string, expression: string): Promise<string[]> {
    await this.sources.getByRole('button', { name: 'New API field' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New custom API field' })
    await dialog.getByLabel('Name', { exact: true }).fill(name)
    await dialog.getByLabel('Path or template').fill(expression)
    const rows = dialog.getByTestId('api-preview-row')
    await expect(rows.first()).toBeVisible()
    const preview = await rows.allInnerTexts()
    await dialog.getByRole('button', { name: 'Save API field' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.source('Custom API fields', name)).toBeVisible()
    return preview
  }

  async createTargetField(label: string, type = 'Text'): Promise<void> {
    await this.targets.getByRole('button', { name: 'New target field' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New target field' })
    await dialog.getByLabel('Field name').fill(label)
    await dialog.getByLabel('Type').selectOption({ label: type })
    await dialog.getByRole('button', { name: 'Create field' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.target(label)).toBeVisible()
  }

  /**
   * Drags with real pointer moves in steps (dnd-kit's pointer sensor needs them). Near an edge the
   * editor scrolls by itself while dragging, so the pointer re-aims at the target until it is over it.
   */
  async dragWithMouse(source: Locator, target: Locator): Promise<void> {
    await source.scrollIntoViewIfNeeded()
    await target.scrollIntoViewIfNeeded()
    const from = await source.boundingBox()
    if (!from) throw new Error('the source is not on screen')
    const mouse = this.page.mouse
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await mouse.down()
    await mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 5, { steps: 5 })
    await expect(this.page.locator('.source-overlay')).toBeVisible()
    // Until the target is under the pointer and no longer moving (auto-scroll has settled).
    await expect(async () => {
      const to = await target.boundingBox()
      if (!to) throw new Error('the target is not on screen')
      await mouse.move(to.x + to.width / 3, to.y + to.height / 2, { steps: 10 })
      expect(await target.getAttribute('data-over')).toBe('true')
      expect((await target.boundingBox())?.y).toBe(to.y)
    }).toPass({ timeout: 10_000 })
    await mouse.up()
  }

  /** dnd-kit's live region: what a screen reader hears during a drag. */
  get announcer(): Locator {
    return this.page.locator('[id^="DndLiveRegion"]')
  }

  /**
   * Keyboard only: focus the source, Space picks it up, ArrowDown steps through the targets (each
   * step is announced) until the target is `targetLabel`, Space drops it there.
   */
  async dragWithKeyboard(source: Locator, targetLabel: string, maxSteps = 60): Promise<void> {
    await source.focus()
    await this.page.keyboard.press('Space')
    await expect(this.announcer).toContainText('Picked up source')
    let heard = ''
    for (let i = 0; i < maxSteps && !heard.includes(`over target field ${targetLabel}.`); i++) {
      const before = heard
      await this.page.keyboard.press('ArrowDown')
      await expect.poll(async () => (await this.announcer.textContent()) ?? '').not.toBe(before)
      heard = (await this.announcer.textContent()) ?? ''
    }
    await expect(this.target(targetLabel)).toHaveAttribute('data-over', 'true')
    await this.page.keyboard.press('Space')
    await expect(this.announcer).toContainText(`to ${targetLabel}.`)
  }
}
