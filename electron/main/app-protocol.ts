/**
 * The `app://` scheme that serves the renderer build (security.md S6). It must be registered as
 * privileged before `ready` (standard + secure gives it a real origin, CSP 'self' and fetch), and is
 * handled with `protocol.handle`, reading files asynchronously from the build folder only.
 */
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { APP_SCHEME } from './policy/app-origin'
import { CONTENT_SECURITY_POLICY } from './policy/csp'
import { mimeTypeFor } from './policy/mime'
import { resolveAppFile } from './policy/protocol-path'
import type { Logger } from '../core/log/logger'

/** Call before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true }
    }
  ])
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer'
}

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }
  })

/** Call after `ready`. `root` is the renderer build folder (out/renderer). */
export function handleAppProtocol(root: string, log: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound()
    const lookup = resolveAppFile(root, request.url)
    if (!lookup.ok) {
      log.warn('protocol.refused', { reason: lookup.reason })
      return notFound()
    }
    try {
      const body = await readFile(lookup.filePath)
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(lookup.filePath) }
      })
    } catch {
      return notFound() // missing file or a directory
    }
  })
}
