/**
 * A strict scanner for GET /people page bodies, over the bytes as received: each item's byte range
 * and top-level `id`, and the envelope (the body with its `items` array emptied) — without decoding
 * the body or building any objects. It lets the listing parse only the items a caller does not
 * already know byte for byte (a re-sync decodes and parses almost nothing), and gives the sync each
 * item's exact bytes to hash and keep. Scanning bytes is sound for UTF-8: every byte of a multi-byte
 * character is ≥ 0x80, so it can never be taken for a quote, brace, bracket, comma or colon.
 *
 * Strict where it matters for "the page is valid JSON": items must be objects separated by single
 * commas, and the envelope is parsed by the caller. It does not check every token inside an item:
 * an item's bytes are either parsed by the caller or equal to bytes that were parsed before.
 *
 * Returns null for any body it does not accept; the caller then parses the whole body.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COLON = 0x3a
const COMMA = 0x2c
const I = 0x69
const D = 0x64

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/**
 * Index just past the string starting at `i` (which is a quote), or -1. Strings are most of a page's
 * bytes, so the closing quote is found with the native `indexOf` rather than byte by byte; a quote
 * preceded by an odd number of backslashes is escaped.
 */
function skipString(b: Buffer, i: number): number {
  let from = i + 1
  for (;;) {
    const q = b.indexOf(QUOTE, from)
    if (q < 0) return -1
    let k = q - 1
    while (b[k] === BACKSLASH) k--
    if ((q - 1 - k) % 2 === 0) return q + 1
    from = q + 1
  }
}

function skipSpace(b: Buffer, i: number): number {
  while (i < b.length && isSpace(b[i])) i++
  return i
}

const isKey = (b: Buffer, start: number, end: number, key: string): boolean => {
  if (end - start !== key.length + 2) return false
  for (let k = 0; k < key.length; k++) if (b[start + 1 + k] !== key.charCodeAt(k)) return false
  return true
}

const text = (b: Buffer, start: number, end: number) => b.toString('utf8', start, end)

/** One object or array starting at `start`: its end and, for an object, its top-level string `id`. */
function scanValue(b: Buffer, start: number): { end: number; id: string | null } | null {
  let depth = 0
  let id: string | null = null
  let i = start
  while (i < b.length) {
    const c = b[i]
    if (c === QUOTE) {
      const end = skipString(b, i)
      if (end < 0) return null
      // At depth 1 a string followed by ':' is a key; only the first `"id"` key counts.
      if (depth === 1 && id === null && end - i === 4 && b[i + 1] === I && b[i + 2] === D) {
        const after = skipSpace(b, end)
        if (b[after] === COLON) {
          const v = skipSpace(b, after + 1)
          if (b[v] === QUOTE) {
            const vEnd = skipString(b, v)
            if (vEnd < 0) return null
            const raw = text(b, v + 1, vEnd - 1)
            // An escaped id is rare: decode it properly.
            id = raw.includes('\\') ? (JSON.parse(text(b, v, vEnd)) as string) : raw
            i = vEnd
            continue
          }
        }
      }
      i = end
      continue
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return { end: i + 1, id: b[start] === OPEN_BRACE ? id : null }
    }
    i++
  }
  return null
}

/** An item's place in the body: bytes [start, end). */
export type ScannedItem = { id: string | null; start: number; end: number }
export type ScannedPage = {
  /** Every item in order, duplicates included. */
  items: ScannedItem[]
  /** The body with `"items": []`: the caller parses and validates it (other keys, trailing bytes). */
  envelope: string
}

/** End of any JSON value starting at `i` (lenient inside: the envelope is parsed afterwards). */
function skipValue(b: Buffer, i: number): number {
  const c = b[i]
  if (c === QUOTE) return skipString(b, i)
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return scanValue(b, i)?.end ?? -1
  while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_BRACE) i++
  return i
}

export function scanPeoplePage(b: Buffer): ScannedPage | null {
  let i = skipSpace(b, 0)
  if (b[i] !== OPEN_BRACE) return null
  i++
  // The top-level "items" key; other keys' values are skipped (the envelope parse checks them).
  for (;;) {
    i = skipSpace(b, i)
    if (b[i] !== QUOTE) return null
    const keyEnd = skipString(b, i)
    if (keyEnd < 0) return null
    const isItems = isKey(b, i, keyEnd, 'items')
    i = skipSpace(b, keyEnd)
    if (b[i] !== COLON) return null
    i = skipSpace(b, i + 1)
    if (isItems) break
    i = skipValue(b, i)
    if (i < 0) return null
    i = skipSpace(b, i)
    if (b[i] !== COMMA) return null
    i++
  }
  if (b[i] !== OPEN_BRACKET) return null
  const arrayStart = i
  i = skipSpace(b, i + 1)
  const items: ScannedItem[] = []
  if (b[i] !== CLOSE_BRACKET) {
    for (;;) {
      if (b[i] !== OPEN_BRACE) return null
      const item = scanValue(b, i)
      if (!item) return null
      items.push({ id: item.id, start: i, end: item.end })
      i = skipSpace(b, item.end)
      if (b[i] === CLOSE_BRACKET) break
      if (b[i] !== COMMA) return null
      i = skipSpace(b, i + 1)
    }
  }
  const envelope = `${text(b, 0, arrayStart)}[]${text(b, i + 1, b.length)}`
  return { items, envelope }
}
