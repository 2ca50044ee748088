/**
 * The hand-written fast path of the listing must accept exactly what zod accepts and produce the same
 * output; whenever it is unsure it must defer (undefined), never accept something zod rejects.
 */
import { describe, expect, it } from 'vitest'
import {
  fastParsePerson,
  fastParsePersonPage,
  Person,
  PersonPage
} from '../../../electron/core/webex/schemas'
import { startWebexSim } from '../../../electron/webex-sim/index'

const base = {
  id: 'P1',
  emails: ['a@b.c'],
  phoneNumbers: [{ type: 'work', value: '+1', primary: 'true' }],
  sipAddresses: [{ type: 'enterprise', value: 'x@y', primary: false, extra: 1 }],
  addresses: [{ type: 'work', country: 'US', extra: 'kept' }],
  roles: ['R1,R2', ' R3 '],
  licenses: ['L1'],
  invitePending: 'false',
  loginEnabled: true,
  created: '2020-01-01T00:00:00.000Z',
  status: 'someFutureStatus',
  unknownField: { nested: true }
}

/** Mutations: each sets one field to a value; zod decides validity, the fast path must agree or defer. */
const mutations: Array<[string, unknown]> = [
  ['id', ''],
  ['id', 5],
  ['emails', 'a@b.c'],
  ['emails', [1]],
  ['emails', null],
  ['displayName', null],
  ['displayName', 3],
  ['created', ''],
  ['roles', []],
  ['roles', [',,']],
  ['licenses', 'L1'],
  ['invitePending', 'yes'],
  ['loginEnabled', 'TRUE'],
  ['phoneNumbers', [{ primary: 'no' }]],
  ['phoneNumbers', [null]],
  ['phoneNumbers', [{ type: 1 }]],
  ['addresses', [{ country: 7 }]],
  ['addresses', {}],
  ['sipAddresses', []],
  ['siteUrls', ['a#attendee']],
  ['type', 'bot'],
  ['xmppFederationJid', undefined],
  ['extension', 1000]
]

function agree(input: unknown) {
  const zod = Person.safeParse(input)
  // The fast path normalises in place: give it its own fresh copy, as JSON.parse would.
  const fast = fastParsePerson(JSON.parse(JSON.stringify(input)))
  if (fast !== undefined) {
    expect(zod.success).toBe(true)
    expect(fast).toEqual(zod.data)
  }
  return { zodOk: zod.success, fastOk: fast !== undefined }
}

describe('fast person parsing ≡ zod', () => {
  it('matches zod on a rich valid person', () => {
    expect(agree(base)).toEqual({ zodOk: true, fastOk: true })
    expect(fastParsePerson(structuredClone(base))?.roles).toEqual(['R1', 'R2', 'R3'])
  })

  it('defers after a partial in-place normalisation, and zod still gives the same verdict', () => {
    const input = { ...structuredClone(base), title: 42 }
    expect(fastParsePerson(input)).toBeUndefined()
    expect(Person.safeParse(input).success).toBe(false)
    const fixed = { ...input, title: 'ok' }
    expect(Person.parse(fixed)).toEqual(Person.parse({ ...structuredClone(base), title: 'ok' }))
  })

  it.each(mutations)('agrees or defers when %s = %j', (key, value) => {
    const r = agree({ ...base, [key]: value })
    // Where zod accepts, the fast path should too (otherwise the fast path is useless there).
    if (r.zodOk && !['emails', 'roles'].includes(key)) expect(r.fastOk).toBe(true)
  })

  it('rejects non-objects and defers to zod for the page error', () => {
    for (const v of [null, [], 'x', 1, { items: null }, { items: {} }, { people: [] }]) {
      expect(fastParsePersonPage(v)).toBeUndefined()
      expect(PersonPage.safeParse(v).success).toBe(false)
    }
    expect(fastParsePersonPage({ items: [structuredClone(base), { id: 2 }] })).toBeUndefined()
    expect(fastParsePersonPage({ items: [], notFoundIds: null })).toEqual(
      PersonPage.parse({ items: [], notFoundIds: null })
    )
  })

  it.each(['string', 'boolean'] as const)(
    'matches zod on every person of a simulated org (%s booleans)',
    async (booleanForm) => {
      const sim = await startWebexSim({ users: 2000, seed: 3, booleanForm })
      try {
        const page = { items: sim.org.all() }
        const fast = fastParsePersonPage(JSON.parse(JSON.stringify(page)))
        expect(fast).toBeDefined()
        expect(fast).toEqual(PersonPage.parse(page))
      } finally {
        await sim.stop()
      }
    }
  )
})
