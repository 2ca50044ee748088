import { describe, expect, it } from 'vitest'
import { ForeignOriginError } from '../../../electron/core/webex/errors'
import { nextLinkOf, parseLinkHeader } from '../../../electron/core/webex/link-header'
import {
  assertSameOrigin,
  checkBaseUrl,
  isAllowedOrigin
} from '../../../electron/core/webex/origin'
import { createWebexClient } from '../../../electron/core/webex/client'

describe('Link header', () => {
  it('finds rel="next" among several links', () => {
    const h =
      '<https://webexapis.com/v1/people?max=2&after=a,b>; rel="prev", <https://webexapis.com/v1/people?max=2&before=x>; rel="next"'
    expect(nextLinkOf(h, 'https://webexapis.com/v1/people')).toBe(
      'https://webexapis.com/v1/people?max=2&before=x'
    )
    expect(parseLinkHeader(h).map((l) => l.rels)).toEqual([['prev'], ['next']])
  })

  it('accepts unquoted and multi-valued rel, extra params and arrays', () => {
    expect(
      nextLinkOf(
        '<https://a.webexapis.com/v1/p?c=1>; title="x"; rel=next',
        'https://a.webexapis.com/'
      )
    ).toBe('https://a.webexapis.com/v1/p?c=1')
    expect(
      nextLinkOf(
        ['<https://webexapis.com/1>; rel="first"', '<https://webexapis.com/2>; rel="next last"'],
        'https://webexapis.com/'
      )
    ).toBe('https://webexapis.com/2')
  })

  it('keeps the next URL exactly as given (cursor, encoding)', () => {
    const raw = 'https://webexapis.com/v1/people?displayName=J%20D&max=100&cursor=Y2lz%3D%3D'
    expect(nextLinkOf(`<${raw}>; rel="next"`, raw)).toBe(raw)
  })

  it('answers null without next', () => {
    expect(nextLinkOf(undefined, 'https://webexapis.com/')).toBeNull()
    expect(nextLinkOf('<https://webexapis.com/1>; rel="prev"', 'https://webexapis.com/')).toBeNull()
    expect(nextLinkOf('', 'https://webexapis.com/')).toBeNull()
  })

  it('resolves a relative next link against the page URL', () => {
    expect(nextLinkOf('</v1/people?cursor=2>; rel="next"', 'http://127.0.0.1:9/v1/people')).toBe(
      'http://127.0.0.1:9/v1/people?cursor=2'
    )
  })
})

describe('origin allowlist (S18)', () => {
  it.each([
    'https://webexapis.com/v1',
    'https://eu.webexapis.com/v1',
    'http://127.0.0.1:8787/v1',
    'http://localhost:1/v1',
    'https://[::1]:4443/v1'
  ])('allows %s', (u) => {
    expect(isAllowedOrigin(new URL(u))).toBe(true)
    expect(() =>
      createWebexClient({
        baseUrl: u,
        tokens: { getAccessToken: () => Promise.resolve('t') }
      }).close()
    ).not.toThrow()
  })

  it.each([
    'http://webexapis.com/v1',
    'https://webexapis.com.evil.test/v1',
    'https://evilwebexapis.com/v1',
    'https://evil.test/v1',
    'http://10.0.0.1/v1',
    'https://webexapis.com:8443/v1',
    'ftp://127.0.0.1/v1',
    'https://user:pw@webexapis.com/v1',
    'not a url'
  ])('refuses %s at construction', (u) => {
    expect(() =>
      createWebexClient({ baseUrl: u, tokens: { getAccessToken: () => Promise.resolve('t') } })
    ).toThrow(ForeignOriginError)
  })

  it('normalises the base URL and compares origins exactly', () => {
    expect(checkBaseUrl('https://webexapis.com/v1/')).toEqual({
      baseUrl: 'https://webexapis.com/v1',
      origin: 'https://webexapis.com'
    })
    expect(() =>
      assertSameOrigin('https://eu.webexapis.com/v1/people', 'https://webexapis.com')
    ).toThrow(ForeignOriginError)
    expect(() => assertSameOrigin('http://127.0.0.1:2/v1', 'http://127.0.0.1:1')).toThrow(
      ForeignOriginError
    )
    expect(assertSameOrigin('https://webexapis.com/v1/x?a=1', 'https://webexapis.com').href).toBe(
      'https://webexapis.com/v1/x?a=1'
    )
  })
})
