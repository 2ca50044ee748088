/**
 * Origin allowlist (security.md S18): the bearer token only ever travels to Webex itself or to a
 * loopback simulator. Anything else is refused before a socket is opened.
 */
import { ForeignOriginError } from './errors'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** True for https://webexapis.com, https://<region>.webexapis.com and loopback http(s). */
export function isAllowedOrigin(url: URL): boolean {
  const host = url.hostname.toLowerCase()
  if (url.protocol === 'https:' && url.port === '') {
    if (host === 'webexapis.com' || host.endsWith('.webexapis.com')) return true
  }
  if (url.protocol === 'https:' || url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(host)
  }
  return false
}

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** Validates a base URL at construction; returns it normalised without a trailing slash. */
export function checkBaseUrl(raw: string): { baseUrl: string; origin: string } {
  const url = parseUrl(raw)
  if (!url || !isAllowedOrigin(url) || url.username || url.password) {
    throw new ForeignOriginError(url ? url.origin : 'an invalid URL', 'https://webexapis.com')
  }
  const path = url.pathname.replace(/\/+$/, '')
  return { baseUrl: `${url.origin}${path}`, origin: url.origin }
}

/** A URL the server handed us (next link, resume cursor) must stay on the base origin exactly. */
export function assertSameOrigin(raw: string, origin: string): URL {
  const url = parseUrl(raw)
  if (!url || url.origin !== origin || url.username || url.password) {
    throw new ForeignOriginError(url ? url.origin : 'an invalid URL', origin)
  }
  return url
}
