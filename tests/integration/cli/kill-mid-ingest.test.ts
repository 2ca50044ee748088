/**
 * F1: `kill -9` of a sync process mid-ingest. The child is the real CLI; it is killed after some
 * pages are committed (seen on its --progress stderr). Afterwards: integrity ok, whole pages only,
 * the run is marked interrupted at the next start, the next run resumes from the checkpoint and ends
 * with the same rows as an uninterrupted run, and no one is marked "not in Webex".
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { startWebexSim } from '../../../electron/webex-sim'
import type { SimHandle } from '../../../electron/webex-sim/types'
import { makeDataDir } from '../../support/data-dir'
import { runRoster, spawnRoster } from './cli-run'

const PAGE = 100
const USERS = 1500
let sim: SimHandle
const dirs: (() => void)[] = []

beforeEach(async () => {
  sim = await startWebexSim({
    users: USERS,
    seed: 9,
    maxPageSize: PAGE,
    faults: [{ kind: 'slow', delayMs: 60 }]
  })
})
afterEach(async () => {
  await sim.stop()
  for (const c of dirs.splice(0)) c()
})

const envFor = (dir: string) => ({
  ROSTER_DATA_DIR: dir,
  WEBEX_BASE_URL: sim.url,
  WEBEX_ACCESS_TOKEN: sim.token
})

function killAfterPages(dir: string, pages: number): Promise<void> {
  const child = spawnRoster(['sync', '--json', '--progress'], envFor(dir))
  let buffer = ''
  return new Promise((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      buffer += d.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        const p = JSON.parse(line) as { pagesRead: number }
        if (p.pagesRead >= pages && child.exitCode === null) child.kill('SIGKILL')
      }
    })
    child.on('close', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended by itself (${code})`))
    )
  })
}

const snapshot = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return {
      people: db.prepare('SELECT webex_id, email, values_hash FROM people ORDER BY webex_id').all(),
      saas: db
        .prepare('SELECT webex_id, values_hash, not_in_webex FROM saas_users ORDER BY webex_id')
        .all()
    }
  } finally {
    db.close()
  }
}

it('F1: kill -9 mid-ingest loses no committed page and resumes to the same result', async () => {
  const killed = makeDataDir('roster-f1-')
  const clean = makeDataDir('roster-f1-ref-')
  dirs.push(killed.cleanup, clean.cleanup)
  const file = join(killed.dir, 'roster.db')

  await killAfterPages(killed.dir, 3)
  const db = new Database(file)
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  const run = db
    .prepare("SELECT id, status, checkpoint_pages FROM runs WHERE kind = 'sync'")
    .get() as {
    id: string
    status: string
    checkpoint_pages: number
  }
  expect(run.status).toBe('running')
  expect(run.checkpoint_pages).toBeGreaterThanOrEqual(3)
  expect(run.checkpoint_pages).toBeLessThan(USERS / PAGE)
  const rows = (db.prepare('SELECT count(*) n FROM people').get() as { n: number }).n
  expect(rows).toBe(run.checkpoint_pages * PAGE)
  db.close()

  const resumed = await runRoster(['sync', '--json'], envFor(killed.dir))
  const summary = JSON.parse(resumed.stdout.trim()) as {
    status: string
    created: number
    runId: string
  }
  expect(summary.status).toBe('succeeded-with-warnings') // resumed: departures wait for a full listing
  expect(summary.created).toBe(USERS - rows)
  const after = new Database(file, { readonly: true })
  expect(after.prepare('SELECT status FROM runs WHERE id = ?').get(run.id)).toEqual({
    status: 'interrupted'
  })
  expect(
    after.prepare('SELECT resumed_from_run_id r FROM runs WHERE id = ?').get(summary.runId)
  ).toEqual({ r: run.id })
  after.close()

  const reference = await runRoster(['sync', '--json'], envFor(clean.dir))
  expect(reference.code).toBe(0)
  const a = snapshot(file)
  const b = snapshot(join(clean.dir, 'roster.db'))
  expect(a.people).toHaveLength(USERS)
  expect(a).toEqual(b)
  expect(a.saas.filter((s) => (s as { not_in_webex: number }).not_in_webex === 1)).toEqual([])
}, 60_000)
