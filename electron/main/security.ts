/**
 * Hardening applied to every webContents and to the default session (security.md S8–S10, S19):
 * no navigation away from app://, no new windows (allowlisted help links go to the system browser),
 * no <webview>, no permissions. There is deliberately no `certificate-error` handler: Chromium's
 * default refuses bad certificates and nothing here may turn that off.
 */
import { app, session, shell, type WebContents } from 'electron'
import { isAppUrl, parseUrl } from './policy/app-origin'
import { isAllowedRendererLink } from './policy/external-url'
import type { Logger } from '../core/log/logger'

const originOf = (url: string) => parseUrl(url)?.origin ?? 'unparsable'

function hardenWebContents(contents: WebContents, log: Logger): void {
  const blockForeignNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    log.warn('security.navigation-blocked', { origin: originOf(url) })
  }
  contents.on('will-navigate', blockForeignNavigation)
  contents.on('will-redirect', blockForeignNavigation)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('security.webview-blocked')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedRendererLink(url)) {
      shell.openExternal(url).catch(() => log.warn('security.open-external-failed'))
    } else {
      log.warn('security.window-open-blocked', { origin: originOf(url) })
    }
    return { action: 'deny' }
  })
}

/** Call before any window exists (the listener must see every webContents). */
export function installWebContentsHardening(log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log))
}

/** Call after `ready`. */
export function denyAllPermissions(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
}
