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
    // A middle-click on a link asks for a new window; the open handler denies every one (security.ts),
    // and this keeps the request from being made at all (Electronegativity AUXCLICK).
    disableBlinkFeatures: 'Auxclick',
    // DevTools only in development builds (S25).
    devTools: opts.devTools
  }
}
