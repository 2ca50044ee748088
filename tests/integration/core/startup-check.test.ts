/**
 * The startup check runs in the background (core.ts `checking`): read-only channels answer at once,
 * every other call waits for the check's outcome, and nothing writes before it passes.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../electron/core/host/core'
import { openDatabase } from '../../../electron/core/store/db'
import { checkDatabaseFile, type CheckKind } from '../../../electron/core/store/health'
import { createRunsRepo } from '../../../electron/core/store/repositories/runs-repo'
import type { ReadOnlyChannel } from '../../../shared/contract/channels'
import type { AppStatus } from '../../../shared/contract/app-status'
import type { Run } from '../../../shared/domain/run'
import { corruptPages } from '../../support/corrupt-pages'
import { startHarness, type Harness } from './core-harness'

let h: Harness | undefined
/** Ended by afterEach too: closing the core waits for the check, so a failed test must not hang. */
let held: HeldCheck | undefined
afterEach(async () => {
  held?.end()
  held = undefined
  await h?.close()
  h = undefined
})

type HeldCheck = {
  kinds: CheckKind[]
  /** Lets the check go on: the real one on the file, or this report instead. */
  end: (report?: string) => void
  check: (file: string, kind: CheckKind) => Promise<string>
}

/** The startup check, held until the test ends it. */
function heldCheck(): HeldCheck {
  const kinds: CheckKind[] = []
  let end: (report: string | undefined) => void = () => undefined
  const outcome = new Promise<string | undefined>((resolve) => (end = resolve))
  return (held = {
    kinds,
    end: (report) => end(report),
    check: async (file, kind) => {
      kinds.push(kind)
      return (await outcome) ?? checkDatabaseFile(file, kind)
    }
  })
}

const SOME_ID = '0190b3c4-0000-7000-8000-000000000000'

/** One valid input per read-only channel: the compiler asks for an entry for each of them. */
const READ_INPUTS: Record<ReadOnlyChannel, unknown> = {
  'app:get-status': undefined,
  'credentials:list': undefined,
  'integrations:list': undefined,
  'integrations:get': { id: SOME_ID },
  'plans:get': { planId: SOME_ID },
  'plans:list-items': { planId: SOME_ID },
  'people:list': {},
  'people:get': { id: SOME_ID },
  'people:columns': undefined,
  'saas-users:list': {},
  'saas-users:get': { id: SOME_ID },
  'saas-users:columns': undefined,
  'runs:list': {},
  'runs:get': { id: SOME_ID },
  'roles:list': undefined,
  'custom-fields:list': undefined,
  'api-fields:list': undefined
}

/** A store with people (one demo sync) and a run a crash left "running", closed cleanly. */
async function storeWithCrashedRun(check: HeldCheck) {
  h = await startHarness({}, { core: { startupCheck: check.check } })
  const demo = await h.call('demo:start', undefined)
  const created = await h.call('integrations:create', {
    name: 'Webex users',
    credentialId: demo.id
  })
  await h.call('integrations:launch', { id: created.id })
  const finished = new Promise<Run>((resolve) => {
    const off = h!.core.onEvent((channel, payload) => {
      if (channel !== 'runs:finished') return
      off()
      resolve((payload as { run: Run }).run)
    })
  })
  await h.call('integrations:run-now', { id: created.id })
  expect(await finished).toMatchObject({ status: 'succeeded' })
  await h.core.close()

  const file = join(h.dir, DATABASE_FILE)
  const crashedRunId = randomUUID()
  const db = openDatabase(file)
  createRunsRepo(db).insert({
    id: crashedRunId,
    integrationId: created.id,
    integrationName: created.name,
    kind: 'sync',
    trigger: 'manual',
    startedAt: new Date().toISOString(),
    resumedFromRunId: null,
    checkpointPages: 0,
    checkpointNextUrl: null,
    pageSize: 1000,
    planId: null
  })
  db.close()
  return { file, crashedRunId }
}

it('serves reads while the startup check runs, holds the rest, and writes nothing until it passes', async () => {
  const check = heldCheck()
  const { file, crashedRunId } = await storeWithCrashedRun(check)
  // data_version changes when another connection commits: it tells whether the core wrote.
  const watcher = new Database(file, { readonly: true })
  const dataVersion = () => watcher.pragma('data_version', { simple: true }) as number
  try {
    const before = dataVersion()
    await h!.restart()
    expect(check.kinds).toEqual(['quick'])

    let roleCreated = false
    const write = h!.raw('roles:create', { name: 'Auditor' }).then((r) => {
      roleCreated = true
      return r
    })
    // Every read-only channel answers before the check ends (a held one would time out here).
    for (const [channel, input] of Object.entries(READ_INPUTS)) {
      const answer = await h!.raw(channel, input)
      if (!answer.ok)
        expect({ channel, code: answer.error.code }).toEqual({ channel, code: 'NOT_FOUND' })
    }
    const people = await h!.call('people:list', {})
    expect(people.total).toBeGreaterThan(0)
    const status: AppStatus = await h!.call('app:get-status', undefined)
    // The routine quick_check shows no banner.
    expect(status.database).toMatchObject({ healthy: true, checking: false })
    // The crashed run is not marked yet, the write has not run, and nothing was committed.
    expect((await h!.call('runs:get', { id: crashedRunId })).run.status).toBe('running')
    expect(roleCreated).toBe(false)
    expect(dataVersion()).toBe(before)

    check.end()
    expect(await write).toMatchObject({ ok: true, value: { name: 'Auditor' } })
    // Started once the check passed: the crashed run is marked interrupted.
    expect((await h!.call('runs:get', { id: crashedRunId })).run.status).toBe('interrupted')
    expect(dataVersion()).not.toBe(before)
  } finally {
    watcher.close()
  }
})

it('a startup check that finds damage: the waiting write is refused, the core degrades, nothing was written', async () => {
  const check = heldCheck()
  const { file, crashedRunId } = await storeWithCrashedRun(check)
  const watcher = new Database(file, { readonly: true })
  try {
    const before = watcher.pragma('data_version', { simple: true }) as number
    await h!.restart()
    const statuses: AppStatus[] = []
    h!.core.onEvent((channel, payload) => {
      if (channel === 'app:status-changed') statuses.push(payload as AppStatus)
    })
    expect((await h!.call('people:list', {})).total).toBeGreaterThan(0)
    const write = h!.raw('roles:create', { name: 'Auditor' })

    check.end('*** in database main ***\nPage 7: btreeInitPage() returns error code 11')
    expect(await write).toMatchObject({ ok: false, error: { code: 'DATABASE_ERROR' } })
    expect(statuses.at(-1)?.database).toMatchObject({ healthy: false, checking: false })
    expect(statuses.at(-1)?.database.message).toMatch(/damaged/)
    // From now on reads are refused too, and the crashed run was left as it was.
    expect(await h!.raw('people:list', {})).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_ERROR' }
    })
    expect(watcher.pragma('data_version', { simple: true })).toBe(before)
    const db = openDatabase(file, { readonly: true })
    try {
      expect(createRunsRepo(db).get(crashedRunId)?.status).toBe('running')
    } finally {
      db.close()
    }
  } finally {
    watcher.close()
  }
})

it('real damage: reads during the check say the database is damaged, the status still answers, the core degrades', async () => {
  const check = heldCheck()
  const { file } = await storeWithCrashedRun(check)
  // The people pages, and the credentials the status reads (is this a first run?).
  corruptPages(file, 'people')
  corruptPages(file, 'credentials')
  await h!.restart()
  expect(await h!.raw('people:list', {})).toMatchObject({
    ok: false,
    error: { code: 'DATABASE_ERROR', message: 'The local database is damaged.' }
  })
  expect((await h!.call('app:get-status', undefined)).database.healthy).toBe(true)
  const write = h!.raw('roles:create', { name: 'Auditor' })
  check.end()
  expect(await write).toMatchObject({ ok: false, error: { code: 'DATABASE_ERROR' } })
  expect((await h!.call('app:get-status', undefined)).database).toMatchObject({
    healthy: false,
    checking: false
  })
})
