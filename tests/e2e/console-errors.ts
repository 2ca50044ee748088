import type { Page } from '@playwright/test'

/** Collects the page's console errors (a CSP violation or a render error shows up as one). */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}
