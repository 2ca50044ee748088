import { describe, expect, it } from 'vitest'
import { scanPeoplePage } from '../../../electron/core/webex/page-scan'
import { entriesOf, parseEntries } from '../../../electron/core/webex/people-page-decode'
import { WebexMalformedResponseError } from '../../../electron/core/webex/errors'
import { hashRawBytes } from '../../../electron/core/sync/raw-items'
import { hashText } from '../../../electron/core/sync/record-values'

const res = (body: string) => ({
  body,
  bytes: Buffer.from(body, 'utf8'),
  url: 'https://webexapis.com/v1/people',
  trackingId: 't'
})
const scan = (body: string) => scanPeoplePage(Buffer.from(body, 'utf8'))
/** Each scanned item's text, decoded from its byte range. */
const texts = (body: string) => {
  const bytes = Buffer.from(body, 'utf8')
  return scanPeoplePage(bytes)?.items.map((i) => bytes.toString('utf8', i.start, i.end))
}
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  emails: [`${id}@example.com`],
  displayName: `Person ${id}`,
  ...extra
})

describe('scanPeoplePage', () => {
  it('returns each item text by its own top-level id, nested ids and escapes included', () => {
    const items = [
      { phoneNumbers: [{ id: 'nested', value: '}{"]' }], id: 'a\\"b', displayName: 'X "y" \\ z' },
      { id: 'p2', emails: ['p2@example.com'], addresses: [{ id: 'x' }] }
    ]
    const body = ` { "notFoundIds" : null, "x": [1, {"id":"no"}], "items" : [ ${items
      .map((i) => JSON.stringify(i))
      .join(' , ')} ] }`
    const page = scan(body)
    expect(page?.items.map((i) => i.id)).toEqual(['a\\"b', 'p2'])
    expect(texts(body)?.map((t) => JSON.parse(t) as unknown)).toEqual(items)
    expect(JSON.parse(page?.envelope ?? 'null')).toEqual({
      notFoundIds: null,
      x: [1, { id: 'no' }],
      items: []
    })
  })

  it('keeps duplicates in order and reads an empty page', () => {
    const body = JSON.stringify({ items: [{ id: '1' }, { id: '2', n: [1, 2] }, { id: '1' }] })
    expect(scan(body)?.items.map((i) => i.id)).toEqual(['1', '2', '1'])
    expect(scan('{"items":[]}')).toEqual({ items: [], envelope: '{"items":[]}' })
  })

  it('reads multi-byte UTF-8 as is, and its byte hash equals the text hash', () => {
    const items = [
      { id: 'ü1', displayName: '山田 太郎 "q" 😀', x: ['{', '}'], y: 'ends in \\', z: '\\"' },
      { id: 'b' }
    ]
    const body = JSON.stringify({ items })
    const page = scan(body)
    expect(page?.items.map((i) => i.id)).toEqual(['ü1', 'b'])
    const bytes = Buffer.from(body, 'utf8')
    const first = page!.items[0]!
    expect(hashRawBytes(bytes.subarray(first.start, first.end))).toBe(
      hashText(JSON.stringify(items[0]))
    )
  })

  it('refuses what is not a well-formed page body', () => {
    for (const bad of [
      '[]',
      '{"items": 3}',
      '{"items": [{"id": "1"',
      '{"items": [{"id": "1"},, {"id": "2"}]}',
      '{"items": [{"id": "1"} {"id": "2"}]}',
      '{"items": [{"id": "1"},]}',
      '{"items": [1]}'
    ])
      expect(scan(bad), bad).toBeNull()
  })
})

describe('entriesOf / parseEntries', () => {
  it('parses only the items not skipped, exactly as a whole-page parse would', () => {
    const body = JSON.stringify({ items: [person('a'), person('b'), person('c')] })
    const entries = entriesOf(res(body))
    expect(entries.every((e) => e.person === undefined)).toBe(true)
    parseEntries(res(body), entries, new Set(['b']), true)
    expect(entries.map((e) => e.person?.id ?? null)).toEqual(['a', null, 'c'])
    expect(entries[0]?.person?.emails).toEqual(['a@example.com'])
    expect(entries[1]?.raw.text).toBe(JSON.stringify(person('b')))
  })

  it('fails a malformed item with the whole page’s precise error', () => {
    const body = JSON.stringify({ items: [person('a'), person('b', { emails: 'not-a-list' })] })
    // Per item (a sync keeping texts) and whole (a plain listing): the same precise error.
    for (const textsKept of [true, false]) {
      let error: unknown
      try {
        parseEntries(res(body), entriesOf(res(body)), new Set(), textsKept)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(WebexMalformedResponseError)
      expect((error as WebexMalformedResponseError).issues.join(' ')).toMatch(/items\.1\.emails/)
    }
  })

  it('refuses invalid JSON around the items even when every item is known', () => {
    const items = JSON.stringify([person('a')])
    for (const body of [
      `{"items": ${items}, "notFoundIds": nul}`,
      `{"items": ${items}} trailing`,
      `{"items": ${items}, "notFoundIds": 5}`
    ])
      expect(() => entriesOf(res(body)), body).toThrow(WebexMalformedResponseError)
  })

  it('falls back to a full parse for bodies the scanner refuses, with the items’ own texts', () => {
    // Valid JSON the scanner does not read: the items key escaped.
    const body = `{"\\u0069tems": [${JSON.stringify(person('a'))}]}`
    const entries = entriesOf(res(body))
    expect(entries.map((e) => e.person?.id)).toEqual(['a'])
    expect(JSON.parse(entries[0]?.raw.text ?? 'null')).toEqual(person('a'))
  })
})

describe('parseEntries, whole page', () => {
  it('gives the same people and item texts as parsing per item', () => {
    const body = JSON.stringify({ items: [person('a'), person('b', { displayName: 'Zoë' })] })
    const whole = entriesOf(res(body))
    parseEntries(res(body), whole, new Set(), false)
    const perItem = entriesOf(res(body))
    parseEntries(res(body), perItem, new Set(), true)
    expect(whole.map((e) => e.person)).toEqual(perItem.map((e) => e.person))
    expect(whole.map((e) => e.raw.text)).toEqual(perItem.map((e) => e.raw.text))
    expect(JSON.parse(whole[1]?.raw.text ?? 'null')).toEqual(person('b', { displayName: 'Zoë' }))
  })
})
