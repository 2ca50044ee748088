/**
 * The one set of webPreferences every window gets (security.md S1). Kept apart from the window code
 * so a unit test can pin every flag without Electron.
 */
import type { WebPreferences } from 'electron'

export function secureWebPreferences(opts: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // DevTools only in development builds (S25).
    devTools: opts.devTools
  }
}
