/** Times as an admin reads them: "in 13 days (12 Jun 2026, 10:04)". */
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1]
]

export function formatRelative(iso: string, now: Date = new Date()): string {
  const diffSec = (new Date(iso).getTime() - now.getTime()) / 1000
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(diffSec) >= size || unit === 'second') {
      return rtf.format(Math.round(diffSec / size), unit)
    }
  }
  return rtf.format(0, 'second')
}

export function formatAbsolute(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export const formatWhen = (iso: string, now?: Date): string =>
  `${formatRelative(iso, now)} (${formatAbsolute(iso)})`

/**
 * A moment that has already happened (a backup, a run's start). `now` comes from useNow and may be
 * up to a minute old, so a moment just after it must still read "now", never "in 1 second".
 */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const at = Math.min(new Date(iso).getTime(), now.getTime())
  return formatRelative(new Date(at).toISOString(), now)
}

export const formatWhenPast = (iso: string, now?: Date): string =>
  `${formatAgo(iso, now)} (${formatAbsolute(iso)})`
