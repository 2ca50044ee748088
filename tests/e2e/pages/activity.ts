/** Locators of the Activity page: the runs list and a run's detail. */
import type { Locator, Page } from '@playwright/test'

export class ActivityPage {
  readonly runsTable: Locator
  readonly runRows: Locator
  readonly detail: Locator

  constructor(readonly page: Page) {
    this.runsTable = page.getByRole('table', { name: 'Runs' })
    this.runRows = this.runsTable.getByTestId('run-row')
    this.detail = page.getByTestId('run-detail')
  }

  count(kind: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed'): Locator {
    return this.detail.getByTestId('run-counts').locator(`[data-count="${kind}"]`)
  }
}
