import { describe, expect, it } from 'vitest'
import { rawItemTexts, rawItemTextsByParse } from '../../../electron/core/sync/raw-items'

describe('rawItemTexts', () => {
  it('returns each item text by its own top-level id, nested ids and escapes included', () => {
    const items = [
      { phoneNumbers: [{ id: 'nested', value: '}{"]' }], id: 'a\\"b', displayName: 'X "y" \\ z' },
      { id: 'p2', emails: ['p2@example.com'], addresses: [{ id: 'x' }] }
    ]
    const body = ` { "notFoundIds" : null, "x": [1, {"id":"no"}], "items" : [ ${items
      .map((i) => JSON.stringify(i))
      .join(' , ')} ] }`
    const out = rawItemTexts(body)
    expect(out && [...out.keys()]).toEqual(['a\\"b', 'p2'])
    expect(JSON.parse(out?.get('p2') ?? 'null')).toEqual(items[1])
    expect(JSON.parse(out?.get('a\\"b') ?? 'null')).toEqual(items[0])
  })

  it('agrees with a full parse and refuses what is not a page body', () => {
    const body = JSON.stringify({ items: [{ id: '1' }, { id: '2', n: [1, 2] }, { id: '1' }] })
    expect(rawItemTexts(body)).toEqual(rawItemTextsByParse(body))
    expect(rawItemTexts('[]')).toBeNull()
    expect(rawItemTexts('{"items": 3}')).toBeNull()
    expect(rawItemTexts('{"items": [{"id": "1"')).toBeNull()
  })
})
