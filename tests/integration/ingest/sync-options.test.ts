/** Preferences, record scope, filters, preview/apply (and staleness), the not-in-Webex threshold. */
import { afterEach, describe, expect, it } from 'vitest'
import { startIngestHarness, type IngestHarness } from './ingest-harness'

let h: IngestHarness
afterEach(async () => {
  await h.close()
})

const count = (h: IngestHarness, table: 'people' | 'saas_users') =>
  (h.db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('integration options', () => {
  it('User only writes person records and no SaaS user records', async () => {
    h = await startIngestHarness({ users: 20 })
    const i = await h.integration({ scope: 'user' })
    const run = await h.sync(i.id)
    expect(run.counts.created).toBe(20)
    expect(count(h, 'people')).toBe(20)
    expect(count(h, 'saas_users')).toBe(0)
  })

  it('User only still resolves role names when the mapping asks for them', async () => {
    h = await startIngestHarness({ users: 20 })
    const base = await h.integration({ scope: 'user' })
    const mapping = base.mapping.map((e) =>
      e.target === 'role'
        ? {
            source: '$.roles',
            target: 'role',
            transforms: [{ kind: 'role-names' as const }, { kind: 'first' as const }]
          }
        : e
    )
    const i = await h.call('integrations:update', { id: base.id, mapping })
    await h.sync(i.id)
    const admin = h.sim.org.all()[0]!
    const row = h.db().prepare('SELECT role FROM people WHERE webex_id = ?').get(admin.id) as {
      role: string | null
    }
    expect(admin.roles?.length).toBeGreaterThan(0)
    expect(row.role).toMatch(/Administrator/)
  })

  it('Update only skips unknown people with a reason; Create only leaves existing records alone', async () => {
    h = await startIngestHarness({ users: 12 })
    const upd = await h.integration({ preference: 'update-only' })
    const r1 = await h.sync(upd.id)
    expect(r1.counts).toMatchObject({ created: 0, skipped: 12 })
    const d1 = await h.call('runs:get', { id: r1.id })
    expect(d1.items.total).toBe(12)
    expect(d1.items.rows[0]!.reason).toMatch(/Update only/)
    expect(count(h, 'people')).toBe(0)

    await h.call('integrations:update', { id: upd.id, preference: 'create-only' })
    expect((await h.sync(upd.id)).counts.created).toBe(12)
    const someone = h.sim.org.all()[0]!
    h.sim.org.update(someone.id, { displayName: 'Changed Name' })
    const r3 = await h.sync(upd.id)
    expect(r3.counts).toMatchObject({ created: 0, updated: 0, skipped: 1, unchanged: 11 })
    const row = h.db().prepare('SELECT display_name FROM people WHERE webex_id = ?').get(someone.id)
    expect(row).toEqual({ display_name: someone.displayName })

    await h.call('integrations:update', { id: upd.id, preference: 'update-only' })
    expect((await h.sync(upd.id)).counts).toMatchObject({ updated: 1, unchanged: 11 })
  })

  it('filters on type, status and email domain, with reasons', async () => {
    h = await startIngestHarness({ users: 30 })
    const people = h.sim.org.all()
    const i = await h.integration({
      filters: [
        { field: 'type', op: 'is', value: 'person' },
        { field: 'emailDomain', op: 'is-not', value: 'excluded.example' }
      ]
    })
    const victim = people.find((p) => p.type === 'person')!
    h.sim.org.update(victim.id, { emails: ['someone@excluded.example'] })
    const run = await h.sync(i.id)
    const expected = people.filter((p) => p.type === 'person').length - 1
    expect(run.counts.created).toBe(expected)
    expect(run.counts.skipped).toBe(people.length - expected)
    const reasons = (await h.call('runs:get', { id: run.id })).items.rows.map((r) => r.reason)
    expect(reasons.some((r) => /email domain is excluded.example/.test(r))).toBe(true)
  })

  it('previews a plan with field diffs, applies exactly it, and refuses a stale plan', async () => {
    h = await startIngestHarness({ users: 15 })
    const i = await h.integration()
    const plan = await h.call('integrations:preview', { id: i.id })
    expect(plan.counts.created).toBe(15)
    expect(count(h, 'people')).toBe(0)
    const items = await h.call('plans:list-items', { planId: plan.id, action: 'create' })
    expect(items.total).toBe(15)
    const applied = await h.call('integrations:apply', { planId: plan.id })
    expect(applied).toMatchObject({ kind: 'apply', status: 'succeeded' })
    expect(count(h, 'people')).toBe(15)
    expect(count(h, 'saas_users')).toBe(15)

    const p0 = h.sim.org.all()[2]!
    h.sim.org.update(p0.id, { displayName: 'Preview Diff' })
    const plan2 = await h.call('integrations:preview', { id: i.id })
    expect(plan2.counts).toMatchObject({ updated: 1, unchanged: 14 })
    const upd = await h.call('plans:list-items', { planId: plan2.id, action: 'update' })
    expect(upd.rows[0]!.diff).toContainEqual({
      field: 'person.displayName',
      old: p0.displayName,
      new: 'Preview Diff'
    })
    // A sync in between changes the store: the plan is stale and Apply refuses it.
    await h.sync(i.id)
    expect((await h.call('plans:get', { planId: plan2.id })).stale).toBe(true)
    const refused = await h.raw('integrations:apply', { planId: plan2.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('holds "not in Webex" marks above the threshold (short listing) until allowed; small ones apply', async () => {
    h = await startIngestHarness({ users: 120, maxPageSize: 50 })
    const i = await h.integration()
    await h.sync(i.id)
    h.sim.faults.add({ kind: 'short-listing', share: 0.4 })
    const short = await h.sync(i.id)
    expect(short.status).toBe('succeeded-with-warnings')
    expect(short.heldMarks).toBeGreaterThan(25)
    expect(short.notInWebexMarked).toBe(0)
    expect(
      h.db().prepare('SELECT count(*) n FROM saas_users WHERE not_in_webex = 1').get()
    ).toEqual({ n: 0 })
    expect(h.db().prepare('SELECT count(*) n FROM people').get()).toEqual({ n: 120 })
    const detail = await h.call('runs:get', { id: short.id })
    expect(detail.held.total).toBe(short.heldMarks)
    expect((await h.raw('runs:allow-held', { id: short.id })).ok).toBe(false) // needs confirm
    const allowed = await h.call('runs:allow-held', { id: short.id, confirm: true })
    expect(allowed.heldMarks).toBe(0)
    expect(
      h.db().prepare('SELECT count(*) n FROM saas_users WHERE not_in_webex = 1').get()
    ).toEqual({ n: short.heldMarks })

    // Back to the full listing: everyone is present again; then one real departure is marked directly.
    h.sim.faults.clear()
    expect((await h.sync(i.id)).counts.updated).toBe(short.heldMarks)
    const leaver = h.sim.org.all()[5]!
    h.sim.org.remove(leaver.id)
    const r = await h.sync(i.id)
    expect(r).toMatchObject({ status: 'succeeded', notInWebexMarked: 1 })
    const s = await h.call('saas-users:list', {
      filters: [{ column: 'notInWebex', op: 'eq', value: true }]
    })
    expect(s.rows.map((x) => x.webexId)).toEqual([leaver.id])
  })

  it('a zero-user listing marks no one without approval (F12)', async () => {
    h = await startIngestHarness({ users: 30 })
    const i = await h.integration()
    await h.sync(i.id)
    h.sim.faults.add({ kind: 'short-listing', share: 1 })
    const run = await h.sync(i.id)
    expect(run).toMatchObject({
      status: 'succeeded-with-warnings',
      heldMarks: 30,
      notInWebexMarked: 0
    })
  })

  it('refuses a second concurrent run of the same integration (F16) and cancels at a page boundary (F20)', async () => {
    h = await startIngestHarness({
      users: 60,
      maxPageSize: 10,
      faults: [{ kind: 'slow', delayMs: 300 }]
    })
    const i = await h.integration()
    const running = await h.call('integrations:run-now', { id: i.id })
    const second = await h.raw('integrations:run-now', { id: i.id })
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((second as { error: { message: string } }).error.message).toMatch(/already running/)
    const asked = Date.now()
    expect(await h.call('runs:cancel', { id: running.id })).toEqual({ cancelled: true })
    const end = await h.waitFinished(running.id)
    expect(Date.now() - asked).toBeLessThan(1000)
    expect(end.status).toBe('cancelled')
    const rows = (h.db().prepare('SELECT count(*) n FROM people').get() as { n: number }).n
    expect(rows).toBe(end.checkpointPages * 10)
    // The next run resumes and completes the same set.
    const next = await h.sync(i.id)
    expect(next.status).toBe('succeeded')
    expect(count(h, 'people')).toBe(60)
  })

  it('manages the roles list and integration drafts', async () => {
    h = await startIngestHarness({ users: 3 })
    const roles = await h.call('roles:list', undefined)
    expect(roles.map((r) => r.name).sort()).toEqual(['Administrator', 'Contractor', 'Employee'])
    const draft = await h.call('integrations:create', { name: 'Draft one' })
    expect(draft.status).toBe('draft')
    expect(draft.readiness.missing).toContain('Choose a credential')
    expect(draft.mapping).toHaveLength(14)
    const employee = roles.find((r) => r.name === 'Employee')!
    expect((await h.raw('roles:delete', { id: employee.id })).ok).toBe(false)
    await h.call('roles:rename', { id: employee.id, name: 'Staff' })
    const after = await h.call('integrations:get', { id: draft.id })
    expect(after.mapping.find((m) => m.target === 'role')?.transform).toEqual({
      kind: 'constant',
      value: 'Staff'
    })
    const copy = await h.call('integrations:duplicate', { id: draft.id })
    expect(copy.name).toBe('Draft one (copy)')
    expect((await h.raw('integrations:launch', { id: copy.id })).ok).toBe(false)
    await h.call('integrations:delete', { id: copy.id })
    expect((await h.call('integrations:list', undefined)).map((x) => x.name)).toEqual(['Draft one'])
    const cols = await h.call('people:columns', undefined)
    expect(cols.map((c) => c.key)).toContain('syncTime')
    expect(
      (await h.raw('people:list', { sort: { column: 'values_hash; DROP', direction: 'asc' } })).ok
    ).toBe(false)
  })
})
