/**
 * Maps an `app://app/<path>` request to a file inside the renderer build folder, or refuses it.
 * The URL parser already folds `..` and `%2e%2e` segments; what survives it (an encoded slash or
 * backslash, a NUL byte, an absolute path) is caught by resolving the path and checking it is still
 * inside the root. Refusals become 404 so a probe learns nothing about the disk.
 */
import { isAbsolute, relative, resolve } from 'node:path'
import { isAppUrl, parseUrl } from './app-origin'

export type AppFileLookup = { ok: true; filePath: string } | { ok: false; reason: string }

const INDEX_FILE = 'index.html'

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null // malformed percent-encoding
  }
}

export function resolveAppFile(root: string, requestUrl: string): AppFileLookup {
  if (!isAppUrl(requestUrl)) return { ok: false, reason: 'not-app-origin' }
  const url = parseUrl(requestUrl)
  if (url === null) return { ok: false, reason: 'unparsable' }
  const decoded = decodePath(url.pathname)
  if (decoded === null) return { ok: false, reason: 'bad-encoding' }
  // Backslashes are separators on Windows and never appear in our build output: refuse everywhere.
  if (decoded.includes('\\') || decoded.includes('\0')) {
    return { ok: false, reason: 'forbidden-character' }
  }
  const relativePath = decoded === '/' || decoded === '' ? INDEX_FILE : decoded.replace(/^\/+/, '')
  const rootPath = resolve(root)
  const filePath = resolve(rootPath, relativePath)
  const fromRoot = relative(rootPath, filePath)
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) {
    return { ok: false, reason: 'outside-root' }
  }
  return { ok: true, filePath }
}
