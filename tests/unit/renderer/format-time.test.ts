/**
 * Relative times. `now` in the UI is refreshed once a minute, so a backup or a run that started
 * after the last refresh lies "in the future" of it: those must still read as past.
 */
import { describe, expect, it } from 'vitest'
import { formatAgo, formatRelative } from '../../../renderer/src/lib/format-time'

const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const now = new Date('2026-11-28T12:00:00.000Z')
const at = (sec: number) => new Date(now.getTime() + sec * 1000).toISOString()

describe('formatAgo', () => {
  it('reads a moment just after a stale "now" as now, where formatRelative reads it as future', () => {
    expect(formatRelative(at(1), now)).toBe(rtf.format(1, 'second'))
    expect(formatAgo(at(1), now)).toBe(rtf.format(0, 'second'))
    expect(formatAgo(at(45), now)).toBe(rtf.format(0, 'second'))
  })

  it('reads past moments as formatRelative does', () => {
    expect(formatAgo(at(-300), now)).toBe(rtf.format(-5, 'minute'))
    expect(formatAgo(at(-3 * 3600), now)).toBe(formatRelative(at(-3 * 3600), now))
  })
})
