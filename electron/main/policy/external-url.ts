/**
 * Which URLs may leave the app for the system browser. `shell.openExternal` hands a URL to the OS,
 * which will happily run `file:`, `smb:` or `ms-msdt:` handlers, so only parsed https URLs on a short
 * host allowlist pass (plus loopback http for the OAuth callback and the demo simulator).
 */
import { parseUrl } from './app-origin'

/** Links the renderer may open (help pages): window.open / target=_blank. */
export const RENDERER_LINK_HOSTS: ReadonlySet<string> = new Set([
  'developer.webex.com',
  'help.webex.com'
])

/** Hosts the core may send the admin to (OAuth authorize on webexapis.com, docs). */
const CORE_HTTPS_HOSTS: ReadonlySet<string> = new Set([
  'webexapis.com',
  'developer.webex.com',
  'help.webex.com'
])
const CORE_HTTPS_SUFFIX = '.webexapis.com'
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost'])

function withoutUserInfo(url: URL | null): URL | null {
  // `https://developer.webex.com@evil.test` parses with host evil.test; refuse any userinfo anyway.
  return url !== null && url.username === '' && url.password === '' ? url : null
}

/** A link from the renderer: https on the help allowlist, default port only. */
export function isAllowedRendererLink(raw: unknown): boolean {
  const url = withoutUserInfo(parseUrl(raw))
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.port === '' &&
    RENDERER_LINK_HOSTS.has(url.hostname)
  )
}

/** A URL the core asks main to open (the `open-external` host request). */
export function isAllowedCoreExternalUrl(raw: unknown): boolean {
  const url = withoutUserInfo(parseUrl(raw))
  if (url === null) return false
  if (url.protocol === 'https:') {
    return (
      url.port === '' &&
      (CORE_HTTPS_HOSTS.has(url.hostname) || url.hostname.endsWith(CORE_HTTPS_SUFFIX))
    )
  }
  // The OAuth loopback redirect and the demo simulator's authorize page (RFC 8252 §7.3).
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)
}
