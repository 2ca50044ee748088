import { describe, expect, it } from 'vitest'
import { generateOrg } from '../../../electron/webex-sim/org/generate'
import { OrgStore } from '../../../electron/webex-sim/org/store'
import { decodeCursor, encodeCursor } from '../../../electron/webex-sim/routes/listing'

function store(users: number) {
  const { people, ...data } = generateOrg({
    users,
    seed: 1,
    now: Date.now(),
    booleanForm: 'string'
  })
  return new OrgStore(data, people)
}

describe('org store and cursors', () => {
  it('scans in creation order across deletes, compaction and inserts', () => {
    const s = store(5000)
    const all = s.all().map((p) => p.id)
    const first = s.scan(0, 1000, () => true)
    expect(first.more).toBe(true)
    // Delete 2000 people ahead of the cursor: compaction runs, the cursor (a seq) still works.
    for (const id of all.slice(1000, 3000)) s.remove(id)
    const fresh = s.insert({ id: 'new-person', emails: ['n@example.com'] })
    const rest = s.scan(first.lastSeq, 10_000, () => true)
    expect(rest.people.map((p) => p.id)).toEqual([...all.slice(3000), fresh.id])
    expect(s.count()).toBe(3001)
    expect(s.byEmailAddress('N@EXAMPLE.COM')?.id).toBe('new-person')
  })

  it('round-trips cursors and rejects forged ones', () => {
    expect(decodeCursor(encodeCursor({ l: 3, p: 2, s: 99 }))).toEqual({ l: 3, p: 2, s: 99 })
    for (const bad of [
      '',
      'abc',
      Buffer.from('{"l":1,"p":0,"s":1}').toString('base64url'),
      Buffer.from('[1]').toString('base64url')
    ]) {
      expect(decodeCursor(bad)).toBeNull()
    }
  })
})
