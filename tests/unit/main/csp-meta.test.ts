/**
 * The renderer's meta-tag policy is the header policy (electron/main/policy/csp.ts) less the
 * directives a meta tag cannot carry: one policy, and no "ignored directive" console error.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSP_DIRECTIVES, HEADER_ONLY_DIRECTIVES } from '../../../electron/main/policy/csp'

const html = readFileSync(resolve(__dirname, '../../../renderer/index.html'), 'utf8')

function metaPolicy(): string[][] {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]
  if (content === undefined) throw new Error('index.html has no Content-Security-Policy meta tag')
  return content.split(';').map((d) =>
    d
      .trim()
      .split(/\s+(.*)/s)
      .slice(0, 2)
  )
}

describe('renderer meta CSP', () => {
  it('carries every header directive a meta tag can carry, with the same value', () => {
    const expected = CSP_DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name))
    expect(new Map(metaPolicy().map(([n, v]) => [n, v]))).toEqual(
      new Map(expected.map(([n, v]) => [n, v]))
    )
  })

  it('carries no header-only directive', () => {
    const names = metaPolicy().map(([name]) => name)
    for (const name of HEADER_ONLY_DIRECTIVES) expect(names).not.toContain(name)
  })
})
