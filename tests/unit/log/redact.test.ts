import { describe, expect, it } from 'vitest'
import { createLogger } from '../../../electron/core/log/logger'
import { REDACTED, redact, redactString, stripQuery } from '../../../electron/core/log/redact'

describe('redact (S17)', () => {
  it('replaces values under secret keys, at any depth and case', () => {
    const out = redact({
      Authorization: 'Bearer abc',
      nested: {
        access_token: 'a',
        refreshToken: 'r',
        client_secret: 's',
        code: 'c',
        code_verifier: 'v'
      },
      list: [{ password: 'p', cookie: 'k' }],
      keep: 'visible'
    })
    expect(out).toEqual({
      Authorization: REDACTED,
      nested: {
        access_token: REDACTED,
        refreshToken: REDACTED,
        client_secret: REDACTED,
        code: REDACTED,
        code_verifier: REDACTED
      },
      list: [{ password: REDACTED, cookie: REDACTED }],
      keep: 'visible'
    })
  })

  it('masks tokens by pattern inside free text', () => {
    expect(redactString('header Bearer eyJhbGciOi.x-y_z and more')).toBe(
      'header Bearer [REDACTED] and more'
    )
    expect(redactString('grant_type=refresh_token&refresh_token=RT123&client_secret=S')).toBe(
      'grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]'
    )
    expect(redactString('{"access_token":"AT1","expires_in":1}')).toBe(
      '{"access_token":"[REDACTED]","expires_in":1}'
    )
  })

  it('strips query strings from logged URLs (?code=, cursors)', () => {
    expect(stripQuery('http://127.0.0.1:8080/oauth?code=SECRET&state=S')).toBe(
      'http://127.0.0.1:8080/oauth?[…]'
    )
    expect(redact({ url: 'https://webexapis.com/v1/people?after=X' })).toEqual({
      url: 'https://webexapis.com/v1/people?[…]'
    })
    expect(redactString('callback http://localhost/cb?code=SECRET')).not.toContain('SECRET')
  })

  it('the logger never writes a token, whatever the caller passes', () => {
    const lines: string[] = []
    const log = createLogger({ sink: (l) => lines.push(l), level: 'debug' })
    log.info('request', {
      headers: { authorization: 'Bearer TOPSECRET' },
      msg: 'token Bearer TOPSECRET2',
      redirectUrl: 'http://x/cb?code=C0DE'
    })
    log.error('failed', { err: new Error('refresh_token=RTSECRET rejected') })
    const text = lines.join('\n')
    for (const secret of ['TOPSECRET', 'TOPSECRET2', 'C0DE', 'RTSECRET'])
      expect(text).not.toContain(secret)
    expect(text).toContain('[REDACTED]')
  })
})
