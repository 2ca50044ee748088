/** Locators of the app shell: navigation, header, banners, the first-run card. */
import type { Locator, Page } from '@playwright/test'

export class ShellPage {
  readonly nav: Locator
  readonly main: Locator
  readonly heading: Locator
  readonly demoBadge: Locator
  readonly welcomeCard: Locator
  readonly skipLink: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' })
    this.main = page.getByRole('main')
    this.heading = page.getByRole('banner').getByRole('heading', { level: 1 })
    this.demoBadge = page.getByTestId('demo-badge')
    this.welcomeCard = page.getByTestId('welcome-card')
    this.skipLink = page.getByRole('link', { name: 'Skip to content' })
  }

  navItem(name: string): Locator {
    return this.nav.getByRole('button', { name, exact: true })
  }

  async goTo(name: string): Promise<void> {
    await this.navItem(name).click()
  }
}
