import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { resolveAppFile } from '../../../electron/main/policy/protocol-path'
import { mimeTypeFor } from '../../../electron/main/policy/mime'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/policy/csp'

const root = resolve('/srv/roster/out/renderer')

describe('resolveAppFile', () => {
  it.each([
    ['app://app/', 'index.html'],
    ['app://app', 'index.html'],
    ['app://app/index.html', 'index.html'],
    ['app://app/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://app/assets/a%20b.css', 'assets/a b.css'],
    ['app://app/assets/../index.html', 'index.html']
  ])('maps %s inside the root', (url, file) => {
    expect(resolveAppFile(root, url)).toEqual({ ok: true, filePath: join(root, file) })
  })

  it('keeps app://app/../../etc/passwd inside the root (the URL parser folds the dots)', () => {
    const result = resolveAppFile(root, 'app://app/../../etc/passwd')
    // Either refused or a path under root that does not exist (404): never /etc/passwd.
    if (result.ok) expect(result.filePath).toBe(join(root, 'etc/passwd'))
  })

  it.each([
    'app://app/..%2f..%2fetc%2fpasswd',
    'app://app/%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://app/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://app/..%5c..%5cwindows%5cwin.ini',
    'app://app/assets\\..\\..\\secret',
    'app://app/%5c%5cserver%5cshare',
    'app://app/index.html%00.png',
    'app://app/%E0%A4%A',
    'app://app.evil/index.html',
    'http://app/index.html',
    'file:///etc/passwd'
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url).ok).toBe(false)
  })

  it('never returns a path outside the root for any traversal attempt', () => {
    const attempts = [
      '../',
      '..%2f',
      '%2e%2e/',
      '%2e%2e%2f',
      '.%2e/',
      '%2e./',
      '..\\',
      '..%5c',
      '%252e%252e%252f'
    ]
    for (const a of attempts) {
      const result = resolveAppFile(root, `app://app/${a.repeat(6)}etc/passwd`)
      if (result.ok) expect(result.filePath.startsWith(root + '/')).toBe(true)
    }
  })
})

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b.JS', 'text/javascript; charset=utf-8'],
    ['x.css', 'text/css; charset=utf-8'],
    ['i.svg', 'image/svg+xml'],
    ['i.png', 'image/png'],
    ['f.woff2', 'font/woff2'],
    ['noext', 'application/octet-stream'],
    ['evil.exe', 'application/octet-stream']
  ])('%s → %s', (file, mime) => expect(mimeTypeFor(file)).toBe(mime))
})

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/)
      return [name, values.join(' ')] as const
    })
  )

  it.each([
    ['default-src', "'none'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['frame-ancestors', "'none'"]
  ])('has %s %s (security.md S7)', (name, value) => {
    expect(directives.get(name)).toBe(value)
  })

  it('allows no inline or eval code and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/)
  })
})
