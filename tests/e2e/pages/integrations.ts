/** Locators and actions of the Integrations page, its form and its run progress. */
import type { Locator, Page } from '@playwright/test'

export type IntegrationAction = 'Launch' | 'Preview' | 'Edit' | 'Duplicate' | 'Delete'

export class IntegrationsPage {
  readonly createButton: Locator
  readonly dialog: Locator
  readonly table: Locator

  constructor(readonly page: Page) {
    this.createButton = page
      .getByRole('main')
      .getByRole('button', { name: 'Create integration' })
      .first()
    this.dialog = page.getByRole('dialog')
    this.table = page.getByRole('table', { name: 'Integrations' })
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true })
  }

  submit(): Promise<void> {
    return this.dialog.getByRole('button', { name: /^(Create integration|Save changes)$/ }).click()
  }

  row(name: string): Locator {
    return this.table.getByTestId('integration-row').filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) })
    })
  }

  status(name: string): Locator {
    return this.row(name).getByTestId('integration-status')
  }

  action(name: string, action: IntegrationAction): Locator {
    return this.row(name).getByRole('button', { name: `${action} ${name}`, exact: true })
  }

  runNow(name: string): Locator {
    return this.row(name).getByRole('button', { name: `Run ${name} now`, exact: true })
  }

  /** The live progress panel of the integration's latest run (stays with the outcome once done). */
  progress(name: string): Locator {
    return this.row(name).getByTestId('run-progress')
  }

  lastRun(name: string): Locator {
    return this.row(name).getByTestId('integration-last-run')
  }
}
