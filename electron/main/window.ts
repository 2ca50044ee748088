/**
 * The main window. Security settings come from policy/web-preferences.ts; the hardening of every
 * webContents (navigation, popups, webviews) is in security.ts, applied to all of them.
 */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { APP_ENTRY_URL } from './policy/app-origin'
import { secureWebPreferences } from './policy/web-preferences'
import type { Logger } from '../core/log/logger'

export const WINDOW_TITLE = 'Roster'

/** Windows main created; only these may call the core (see policy/sender.ts). */
const appWindowIds = new Set<number>()

export function isAppWindow(win: BrowserWindow | null): boolean {
  return win !== null && !win.isDestroyed() && appWindowIds.has(win.id)
}

export function appWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => isAppWindow(w))
}

export function createMainWindow(opts: {
  preloadPath: string
  iconPath: string
  devTools: boolean
  log: Logger
}): BrowserWindow {
  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    icon: opts.iconPath,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences({ preload: opts.preloadPath, devTools: opts.devTools })
  })
  const id = win.id
  appWindowIds.add(id)
  win.on('closed', () => appWindowIds.delete(id))
  // The title stays "Roster" whatever the page's <title> says.
  win.on('page-title-updated', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  win.webContents.on('render-process-gone', (_event, details) =>
    opts.log.error('window.render-process-gone', { reason: details.reason })
  )
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) =>
    opts.log.error('window.load-failed', {
      error: err instanceof Error ? err.message : String(err)
    })
  )
  return win
}

export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

export const preloadPathFrom = (mainDir: string) => join(mainDir, '../preload/index.js')
