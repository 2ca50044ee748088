/** Locators of a record list (People, Webex users) and of a record's page. */
import type { Locator, Page } from '@playwright/test'

export class RecordListPage {
  readonly grid: Locator
  /** Rendered rows whose data has arrived (placeholders excluded). */
  readonly rows: Locator
  readonly search: Locator
  readonly total: Locator
  readonly title: Locator

  constructor(
    readonly page: Page,
    noun: string
  ) {
    const gridName = noun.charAt(0).toUpperCase() + noun.slice(1)
    this.grid = page.getByRole('grid', { name: gridName })
    this.rows = this.grid.getByTestId('vt-row')
    this.search = page.getByRole('searchbox', { name: `Search ${noun}` })
    this.total = page.getByTestId('record-total')
    this.title = page.getByTestId('record-title')
  }

  /** The number in "2,500 people". */
  async totalCount(): Promise<number> {
    const text = (await this.total.textContent()) ?? ''
    const digits = text.replace(/[^\d]/g, '')
    if (digits === '') throw new Error(`no total in "${text}"`)
    return Number(digits)
  }

  rowAt(ariaRowIndex: number): Locator {
    return this.grid.locator(`[role="row"][aria-rowindex="${ariaRowIndex}"]`)
  }

  cell(row: Locator, column: number): Locator {
    return row.getByRole('gridcell').nth(column)
  }
}
