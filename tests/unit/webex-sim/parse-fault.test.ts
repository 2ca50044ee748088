import { describe, expect, it } from 'vitest'
import { parseFault } from '../../../electron/webex-sim/faults/parse'

describe('CLI fault parser', () => {
  it('parses numbers and strings', () => {
    expect(parseFault('rate-limit:everyNth=10,retryAfterSec=3')).toEqual({
      kind: 'rate-limit',
      everyNth: 10,
      retryAfterSec: 3
    })
    expect(parseFault('foreign-next:onPage=2,origin=https://evil.example')).toEqual({
      kind: 'foreign-next',
      onPage: 2,
      origin: 'https://evil.example'
    })
    expect(parseFault('reset-mid-body')).toEqual({ kind: 'reset-mid-body' })
  })

  it('says what is wrong', () => {
    expect(() => parseFault('nope:x=1')).toThrow(/Unknown fault kind/)
    expect(() => parseFault('rate-limit:everyNth=10')).toThrow(/retryAfterSec/)
    expect(() => parseFault('slow:delayMs=abc')).toThrow(/number/)
    expect(() => parseFault('malformed-page:onPage=1,variant=odd')).toThrow(/variant/)
  })
})
