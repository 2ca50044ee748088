/**
 * The raw text of each person in a GET /people page body, by id, without parsing the page again:
 * the client has already parsed and validated it, so the engine only needs each item's bytes (to
 * hash and keep in the raw side table) and its id. A small scanner finds the items of the top-level
 * `items` array and each item's own top-level `id`. Parsing the page a second time and re-serialising
 * every item cost ~25 µs per person (docs/benchmarks.md); this costs a few.
 *
 * Returns null when the body does not look like `{"items": [{...}, ...], ...}` (the caller then
 * falls back to JSON.parse).
 */
import { hashText } from './record-values'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COLON = 0x3a

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/** Index just past the string starting at `i` (which is a quote). */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === BACKSLASH) j++
    else if (c === QUOTE) return j + 1
  }
  return -1
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++
  return i
}

/** Parses one item object starting at `start` ('{'): its end and its top-level string `id`. */
function scanItem(text: string, start: number): { end: number; id: string | null } | null {
  let depth = 0
  let id: string | null = null
  // At depth 1, strings alternate key, value; a key is a string followed by ':'.
  let i = start
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = skipString(text, i)
      if (end < 0) return null
      if (depth === 1 && id === null) {
        const after = skipSpace(text, end)
        if (text.charCodeAt(after) === COLON && end - i === 4 && text.startsWith('"id"', i)) {
          const v = skipSpace(text, after + 1)
          if (text.charCodeAt(v) === QUOTE) {
            const vEnd = skipString(text, v)
            if (vEnd < 0) return null
            const raw = text.slice(v + 1, vEnd - 1)
            // An escaped id is rare: decode it properly.
            id = raw.includes('\\') ? (JSON.parse(text.slice(v, vEnd)) as string) : raw
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
      if (depth === 0) return { end: i + 1, id }
    }
    i++
  }
  return null
}

/** Each item's JSON text by id (the first occurrence of an id wins), or null if not a page body. */
export function rawItemTexts(text: string): Map<string, string> | null {
  let i = skipSpace(text, 0)
  if (text.charCodeAt(i) !== OPEN_BRACE) return null
  i++
  // Find the top-level "items" key.
  for (;;) {
    i = skipSpace(text, i)
    if (text.charCodeAt(i) !== QUOTE) return null
    const keyEnd = skipString(text, i)
    if (keyEnd < 0) return null
    const isItems = keyEnd - i === 7 && text.startsWith('"items"', i)
    i = skipSpace(text, keyEnd)
    if (text.charCodeAt(i) !== COLON) return null
    i = skipSpace(text, i + 1)
    if (isItems) break
    // Skip a value of another key (any JSON value).
    const c = text.charCodeAt(i)
    if (c === QUOTE) i = skipString(text, i)
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const v = scanItem(text, i)
      if (!v) return null
      i = v.end
    } else while (i < text.length && !',}'.includes(text.charAt(i))) i++
    if (i < 0) return null
    i = skipSpace(text, i)
    if (text.charCodeAt(i) !== 0x2c) return null
    i++
  }
  if (text.charCodeAt(i) !== OPEN_BRACKET) return null
  i++
  const out = new Map<string, string>()
  for (;;) {
    i = skipSpace(text, i)
    const c = text.charCodeAt(i)
    if (c === CLOSE_BRACKET) return out
    if (c === 0x2c) {
      i++
      continue
    }
    if (c !== OPEN_BRACE) return null
    const item = scanItem(text, i)
    if (!item) return null
    if (item.id !== null && !out.has(item.id)) out.set(item.id, text.slice(i, item.end))
    i = item.end
  }
}

/** The same shape from a full parse: the slow path for bodies the scanner does not accept. */
export function rawItemTextsByParse(text: string): Map<string, string> {
  const out = new Map<string, string>()
  const body = JSON.parse(text) as { items?: unknown }
  if (!Array.isArray(body.items)) return out
  for (const r of body.items as unknown[])
    if (r && typeof r === 'object' && typeof (r as { id?: unknown }).id === 'string') {
      const id = (r as { id: string }).id
      if (!out.has(id)) out.set(id, JSON.stringify(r))
    }
  return out
}

/** sha1, base64url (the hash every stored record hash uses). */
export const hashRawText = hashText
