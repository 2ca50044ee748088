/**
 * Who holds a run lock, and whether that holder is gone: the owner id names this machine and process,
 * so a lock left by a killed process on this machine is recognised at once; any other lock goes stale
 * when its heartbeat is older than `staleMs`.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { LockRow } from '../store/repositories/run-lock-repo'

export const HEARTBEAT_MS = 5_000
export const STALE_MS = 60_000

export const newOwnerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function lockIsDead(
  lock: LockRow,
  self: { owner: string; activeRunIds: ReadonlySet<string> },
  now: number,
  staleMs = STALE_MS
): boolean {
  if (lock.owner === self.owner) return !self.activeRunIds.has(lock.run_id)
  const [host, pid] = lock.owner.split(':')
  if (host === hostname() && pid && /^\d+$/.test(pid)) {
    const n = Number(pid)
    if (!processAlive(n)) return true
    // Same live process, another core instance (tests, a restarted core): trust the heartbeat.
  }
  return now - Date.parse(lock.heartbeat_at) > staleMs
}
