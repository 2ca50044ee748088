/**
 * One run per integration (reliability.md B2.8): a lock row with an owner and a heartbeat. A row whose
 * heartbeat is stale, or whose owner process on this machine is gone, may be taken over.
 */
import type { Db } from '../db'

export type LockRow = {
  integration_id: string
  run_id: string
  owner: string
  heartbeat_at: string
}

export function createRunLockRepo(db: Db) {
  const get = db.prepare<[string], LockRow>('SELECT * FROM run_lock WHERE integration_id = ?')
  const all = db.prepare<[], LockRow>('SELECT * FROM run_lock')
  const put = db.prepare<LockRow>(
    `INSERT OR REPLACE INTO run_lock (integration_id, run_id, owner, heartbeat_at)
     VALUES (@integration_id, @run_id, @owner, @heartbeat_at)`
  )
  const beat = db.prepare<[string, string]>('UPDATE run_lock SET heartbeat_at = ? WHERE run_id = ?')
  const release = db.prepare<[string]>('DELETE FROM run_lock WHERE run_id = ?')
  return {
    get: (integrationId: string) => get.get(integrationId) ?? null,
    all: () => all.all(),
    /** Inside the caller's transaction: checks and takes in one step. */
    take: (row: LockRow) => void put.run(row),
    heartbeat: (runId: string, at: string) => void beat.run(at, runId),
    release: (runId: string) => void release.run(runId)
  }
}
export type RunLockRepo = ReturnType<typeof createRunLockRepo>
