import { describe, expect, it } from 'vitest'
import {
  isAllowedCoreExternalUrl,
  isAllowedRendererLink
} from '../../../electron/main/policy/external-url'

// Refused by both checks: schemes that run OS handlers, lookalike hosts and userinfo tricks.
const ALWAYS_REFUSED = [
  'file:///etc/passwd',
  'file://developer.webex.com/docs',
  'javascript:alert(document.cookie)',
  'smb://evil.test/share',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://app/index.html',
  'https://developer.webex.com.evil.test/docs',
  'https://evil.test/developer.webex.com',
  'https://evil.test/?u=https://developer.webex.com',
  'https://developer.webex.com@evil.test/',
  'https://developer.webex.com:443@evil.test/',
  'https://user:pass@developer.webex.com/docs',
  'https://developer.webex.com:8443/docs',
  'https://developer.webex.com./docs',
  'https://xn--developer-webex-com.evil.test/',
  'https://evilwebexapis.com/',
  '//developer.webex.com/docs',
  'developer.webex.com/docs',
  '',
  'not a url'
]

describe('isAllowedRendererLink (window.open / target=_blank)', () => {
  it.each([
    'https://developer.webex.com/docs',
    'https://help.webex.com/en-us/article/x',
    'HTTPS://Developer.Webex.com/docs'
  ])('accepts %s', (url) => expect(isAllowedRendererLink(url)).toBe(true))

  it.each([
    ...ALWAYS_REFUSED,
    'http://developer.webex.com/docs',
    'https://webexapis.com/v1/authorize',
    'http://127.0.0.1:8765/callback',
    'http://localhost:8765/'
  ])('refuses %s', (url) => expect(isAllowedRendererLink(url)).toBe(false))

  it('refuses non-strings', () => {
    expect(isAllowedRendererLink(undefined)).toBe(false)
    expect(isAllowedRendererLink({ href: 'https://developer.webex.com' })).toBe(false)
  })
})

describe('isAllowedCoreExternalUrl (open-external host request)', () => {
  it.each([
    'https://webexapis.com/v1/authorize?client_id=x&state=y',
    'https://api.webexapis.com/v1/authorize',
    'https://developer.webex.com/docs',
    'https://help.webex.com/',
    'http://127.0.0.1:8765/callback?code=1',
    'http://127.0.0.1:54321/authorize',
    'http://localhost:3000/authorize'
  ])('accepts %s', (url) => expect(isAllowedCoreExternalUrl(url)).toBe(true))

  it.each([
    ...ALWAYS_REFUSED,
    'http://webexapis.com/v1/authorize',
    'https://webexapis.com.evil.test/v1/authorize',
    'https://127.0.0.1/authorize',
    'http://127.0.0.2:8765/callback',
    'http://localhost.evil.test/',
    'http://evil.test/127.0.0.1',
    'http://127.0.0.1@evil.test/',
    'http://user@127.0.0.1:8765/callback',
    'ftp://127.0.0.1/'
  ])('refuses %s', (url) => expect(isAllowedCoreExternalUrl(url)).toBe(false))
})
