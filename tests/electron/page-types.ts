/**
 * The few browser globals the specs touch inside `page.evaluate`, typed here because the test
 * tsconfig has no DOM lib (Node code must not see DOM types). Used only as `globalThis as unknown as
 * PageGlobals` casts, which vanish when the function is sent to the page.
 */
import type { RosterApi } from '../../shared/contract/api'

type PageElement = {
  textContent: string | null
  appendChild(child: PageElement): void
}

export type PageGlobals = {
  roster: RosterApi
  location: { href: string }
  open(url: string): unknown
  document: {
    head: PageElement
    createElement(tag: string): PageElement
  }
  navigator: {
    mediaDevices: {
      getUserMedia(constraints: { audio: boolean; video: boolean }): Promise<unknown>
    }
  }
  [key: string]: unknown
}

/** Electron has this method at run time but leaves it out of its type definitions. */
export type WithLastWebPreferences = {
  getLastWebPreferences(): Record<string, unknown> | null
}
