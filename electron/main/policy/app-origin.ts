/**
 * The app's own origin. The renderer is served from `app://app/…` (a standard, secure custom scheme),
 * never from file:// or http(s). Every origin decision parses the URL with `new URL` and compares
 * parts: prefix checks let `app://app.evil` or `app://app@evil` through.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** True only for `app://app/<path>` with no port, user name or password. */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw)
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  )
}
