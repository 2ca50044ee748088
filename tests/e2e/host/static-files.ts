/**
 * Serves the built renderer: correct MIME types, the CSP header, no path traversal, and the bridge
 * script injected into index.html ahead of the app's module script.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY as CSP } from '../../../electron/main/policy/csp'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8'
}

export const BRIDGE_PATH = '/__host/bridge.js'
const BRIDGE_TAG = `<script src="${BRIDGE_PATH}"></script>`

export function injectBridge(html: string): string {
  const at = html.search(/<script\b[^>]*type="module"/)
  if (at < 0) throw new Error('index.html has no module script to put the bridge before')
  return `${html.slice(0, at)}${BRIDGE_TAG}\n    ${html.slice(at)}`
}

/** Maps a URL path inside `root`, or null when it would leave it (../, encoded or not). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = resolve(root, rel)
  return full === root || full.startsWith(root + sep) ? full : null
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store'
  })
  res.end(body)
}

export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    return
  }
  const path = new URL(req.url ?? '/', 'http://host').pathname
  const file = resolveInside(root, path)
  if (!file) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    return
  }
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    return
  }
  const type = MIME[extname(file)] ?? 'application/octet-stream'
  if (file.endsWith('index.html')) {
    send(res, 200, type, injectBridge(body.toString('utf8')))
    return
  }
  send(res, 200, type, body)
}
