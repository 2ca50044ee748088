/** Locators and actions of the Credentials page and its dialogs. */
import type { Locator, Page } from '@playwright/test'

export type OAuthFields = {
  name: string
  owner?: string
  clientId: string
  clientSecret: string
  redirectPort?: number
}

export class CredentialsPage {
  readonly addButton: Locator
  readonly dialog: Locator
  readonly table: Locator
  readonly serverError: Locator

  constructor(readonly page: Page) {
    this.addButton = page.getByRole('main').getByRole('button', { name: 'Add credential' })
    this.dialog = page.getByRole('dialog')
    this.table = page.getByRole('table', { name: 'Credentials' })
    this.serverError = page.getByTestId('form-server-error')
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true })
  }

  fieldError(label: string): Locator {
    return this.dialog
      .locator('.field', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field-error')
  }

  submit(): Promise<void> {
    return this.dialog.getByRole('button', { name: /^(Add credential|Save changes)$/ }).click()
  }

  async addOAuth(f: OAuthFields): Promise<void> {
    // The list can update (an event) a moment before the previous dialog has closed.
    await this.dialog.waitFor({ state: 'hidden' })
    await this.addButton.click()
    await this.field('Name').fill(f.name)
    if (f.owner) await this.field('Owner').fill(f.owner)
    await this.dialog.getByRole('radio', { name: 'OAuth 2.0 integration' }).check()
    await this.field('Client ID').fill(f.clientId)
    await this.field('Client secret').fill(f.clientSecret)
    if (f.redirectPort) await this.field('Redirect port').fill(String(f.redirectPort))
    await this.submit()
  }

  row(name: string): Locator {
    return this.table.getByTestId('credential-row').filter({
      has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) })
    })
  }

  status(name: string): Locator {
    return this.row(name).locator('[data-status]')
  }

  action(name: string, action: 'Authenticate' | 'Verify' | 'Edit' | 'Delete'): Locator {
    return this.row(name).getByRole('button', { name: `${action} ${name}` })
  }
}
