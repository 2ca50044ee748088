import { describe, expect, it } from 'vitest'
import { checkSender, type SenderInfo } from '../../../electron/main/policy/sender'
import { validateRendererCall } from '../../../electron/main/policy/validate-call'
import { REQUEST_CHANNELS } from '../../../shared/contract/channels'

const trusted: SenderInfo = {
  isAppWindow: true,
  isTopFrame: true,
  frameUrl: 'app://app/index.html'
}

describe('checkSender', () => {
  it('accepts the top frame of an app window on app://app', () => {
    expect(checkSender(trusted)).toEqual({ ok: true })
  })

  it.each<[string, SenderInfo]>([
    ['another window', { ...trusted, isAppWindow: false }],
    ['an iframe', { ...trusted, isTopFrame: false }],
    ['an iframe with a srcdoc', { ...trusted, isTopFrame: false, frameUrl: 'about:srcdoc' }],
    ['a foreign origin', { ...trusted, frameUrl: 'https://example.org/' }],
    ['a lookalike origin', { ...trusted, frameUrl: 'app://app.evil/index.html' }],
    ['a file page', { ...trusted, frameUrl: 'file:///tmp/x.html' }],
    ['a destroyed frame', { ...trusted, isTopFrame: false, frameUrl: null }]
  ])('refuses %s', (_name, sender) => {
    expect(checkSender(sender).ok).toBe(false)
  })
})

describe('validateRendererCall', () => {
  it('returns the parsed input for a declared channel with a valid payload', () => {
    const result = validateRendererCall(
      'credentials:delete',
      { id: 'cred-1', extra: 'dropped' },
      trusted
    )
    expect(result).toEqual({ ok: true, channel: 'credentials:delete', input: { id: 'cred-1' } })
  })

  it('applies the schema (trim, defaults) before relaying', () => {
    const result = validateRendererCall(
      'credentials:create',
      { authType: 'oauth', name: '  Prod  ', owner: 'me', clientId: 'c', clientSecret: 's' },
      trusted
    )
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.input).toMatchObject({ name: 'Prod', redirectPort: 8765 })
  })

  it('accepts a no-input channel', () => {
    expect(validateRendererCall('app:get-status', undefined, trusted).ok).toBe(true)
  })

  it('answers UNKNOWN_CHANNEL for an undeclared channel', () => {
    for (const channel of ['shell:exec', 'credentials:list ', '__proto__', 42, null]) {
      const result = validateRendererCall(channel, undefined, trusted)
      expect(result.ok).toBe(false)
      if (!result.ok)
        expect(result.envelope.ok === false && result.envelope.error.code).toBe('UNKNOWN_CHANNEL')
    }
  })

  it('answers BAD_REQUEST for a payload that fails the schema, without echoing it', () => {
    const secret = 'sekrit-token-value-123'
    const result = validateRendererCall('credentials:delete', { id: 5, token: secret }, trusted)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe('BAD_REQUEST')
      expect(JSON.stringify(result)).not.toContain(secret)
    }
    expect(validateRendererCall('app:get-status', { anything: 1 }, trusted).ok).toBe(false)
  })

  it('answers FORBIDDEN for a bad sender before looking at the channel or payload', () => {
    const iframe = { ...trusted, isTopFrame: false }
    for (const channel of ['credentials:list', 'shell:exec']) {
      const result = validateRendererCall(channel, { junk: true }, iframe)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.code).toBe('FORBIDDEN')
        expect(result.envelope).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.any(String) as string }
        })
      }
    }
  })

  it('covers every declared channel', () => {
    for (const channel of REQUEST_CHANNELS) {
      const result = validateRendererCall(channel, Symbol('not cloneable'), trusted)
      expect(result.ok === false && result.code).toBe('BAD_REQUEST')
    }
  })
})
