/** `roster` against the simulator with WEBEX_ACCESS_TOKEN: sync --json, exit codes, list commands. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../../electron/core/host/core'
import { startWebexSim } from '../../../electron/webex-sim'
import type { SimHandle } from '../../../electron/webex-sim/types'
import { corruptPages } from '../../support/corrupt-pages'
import { filesContaining, makeDataDir } from '../../support/data-dir'
import { runRoster } from './cli-run'

let sim: SimHandle
let dir: string
let cleanup: () => void
let env: Record<string, string>

beforeEach(async () => {
  sim = await startWebexSim({ users: 25, seed: 5 })
  ;({ dir, cleanup } = makeDataDir('roster-cli-'))
  env = { ROSTER_DATA_DIR: dir, WEBEX_BASE_URL: sim.url, WEBEX_ACCESS_TOKEN: sim.token }
})
afterEach(async () => {
  await sim.stop()
  cleanup()
})

describe('roster CLI', () => {
  it('syncs with --json, exits 0, lists what it loaded and never stores the token', async () => {
    const r = await runRoster(['sync', '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    const summary = JSON.parse(r.stdout.trim()) as Record<string, unknown>
    expect(summary).toMatchObject({
      status: 'succeeded',
      created: 25,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0
    })
    expect(typeof summary.runId).toBe('string')
    expect(typeof summary.durationMs).toBe('number')

    const again = JSON.parse((await runRoster(['sync', '--json'], env)).stdout.trim()) as Record<
      string,
      unknown
    >
    expect(again).toMatchObject({ status: 'succeeded', created: 0, unchanged: 25 })

    const people = JSON.parse(
      (await runRoster(['people', 'list', '--json'], env)).stdout
    ) as unknown[]
    expect(people).toHaveLength(25)
    const saas = JSON.parse(
      (await runRoster(['saas-users', 'list', '--json'], env)).stdout
    ) as unknown[]
    expect(saas).toHaveLength(25)
    const runs = JSON.parse((await runRoster(['runs', 'list', '--json'], env)).stdout) as {
      id: string
    }[]
    expect(runs.map((x) => x.id)).toContain(summary.runId)
    const show = await runRoster(['runs', 'show', String(summary.runId), '--json'], env)
    expect(show.code).toBe(0)
    expect((JSON.parse(show.stdout) as { run: { id: string } }).run.id).toBe(summary.runId)
    expect(filesContaining(dir, [sim.token])).toEqual([])
  })

  it('exits non-zero when the run fails, and 2 on usage errors', async () => {
    const bad = await runRoster(['sync', '--json'], {
      ...env,
      WEBEX_ACCESS_TOKEN: 'not-a-valid-token'
    })
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout.trim())).toMatchObject({ status: 'failed' })
    expect((await runRoster(['frobnicate'], env)).code).toBe(2)
    expect((await runRoster(['sync', '--integration', 'Nope'], env)).code).toBe(2)
    const help = await runRoster(['--help'], env)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('roster sync')
  })

  it('a damaged database: the startup check runs before even a read-only command, which fails clearly', async () => {
    expect((await runRoster(['sync', '--json'], env)).code).toBe(0)
    corruptPages(join(dir, DATABASE_FILE), 'people')
    // runs list reads no damaged page; the app would show it and then its banner, a script would not.
    const r = await runRoster(['runs', 'list', '--json'], env)
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('The local database is damaged')
  })
})
