import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/policy/app-origin'

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, 'app://app/', 'app://app', 'app://app/assets/index-abc.js'])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true)
  )

  it.each([
    'app://app.evil/index.html',
    'app://app.evil',
    'app://evil/app',
    'app://app:8080/index.html',
    'app://user@app/index.html',
    'app://app@evil.test/',
    'http://app/index.html',
    'https://app/index.html',
    'file:///app/index.html',
    'file://app/index.html',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,hi',
    'app:app/index.html',
    '',
    'not a url'
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false))

  it('refuses non-strings', () => {
    for (const value of [null, undefined, 42, {}, ['app://app/']]) {
      expect(isAppUrl(value)).toBe(false)
    }
  })
})
