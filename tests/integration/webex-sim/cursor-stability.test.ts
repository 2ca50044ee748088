import { describe, expect, it } from 'vitest'
import { call, nextLink, startSim } from './helpers'

type PageJson = { items: { id: string }[] }

describe('cursor stability under concurrent edits', () => {
  it('no one present throughout is skipped or repeated while people are created, changed and deleted', async () => {
    const sim = await startSim({ users: 3000 })
    const initial = sim.org.all().map((p) => p.id)
    const deleted = new Set<string>()
    const seen: string[] = []
    let url: string | null = '/people?max=100'
    let page = 0
    while (url) {
      const r = await call(sim, url)
      seen.push(...(r.json() as PageJson).items.map((p) => p.id))
      url = nextLink(r)
      page++
      // Between pages: delete people behind and ahead of the cursor, edit some, create some, over HTTP.
      const behind = initial[(page * 37) % Math.max(1, seen.length)]!
      const ahead = initial[Math.min(initial.length - 1, seen.length + 50 + page)]!
      for (const id of [behind, ahead]) {
        if (deleted.has(id) || id === initial[0] || id === initial[1]) continue
        expect((await call(sim, `/people/${id}`, { method: 'DELETE' })).status).toBe(204)
        deleted.add(id)
      }
      const edit = initial[seen.length + 10]
      if (edit && !deleted.has(edit)) {
        const current = (await call(sim, `/people/${edit}`)).json() as Record<string, unknown>
        const put = await call(sim, `/people/${edit}`, {
          method: 'PUT',
          body: { ...current, title: `Edited ${page}` }
        })
        expect(put.status).toBe(200)
      }
      await call(sim, '/people', {
        method: 'POST',
        body: { emails: [`new${page}@example.com`], displayName: `New ${page}` }
      })
    }
    expect(new Set(seen).size).toBe(seen.length)
    const seenSet = new Set(seen)
    for (const id of initial) if (!deleted.has(id)) expect(seenSet.has(id)).toBe(true)
    // People created during the listing come at the end: all of them, since each was created before the last page.
    expect(seen.length).toBeGreaterThan(initial.length - deleted.size)
  })
})
