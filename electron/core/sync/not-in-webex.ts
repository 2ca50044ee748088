/**
 * "Not in Webex": SaaS users absent from a COMPLETE listing (reliability.md B2.1). Never a delete.
 * Above the threshold (default max(25, 2% of the integration's SaaS users)) the marks are held for
 * an admin to allow (B2.2, F12).
 */
import type { HistoryRepo } from '../store/repositories/history-repo'
import type { SaasUsersRepo } from '../store/repositories/saas-users-repo'

export type Missing = { id: string; webexId: string }

export function defaultThreshold(saasUsers: number): number {
  return Math.max(25, Math.ceil(saasUsers * 0.02))
}

export function findMissing(
  saas: SaasUsersRepo,
  integrationId: string,
  seen: ReadonlySet<string>,
  configured: number | null
): { missing: Missing[]; threshold: number; held: boolean } {
  const absent = saas.presentWebexIds(integrationId).filter((webexId) => !seen.has(webexId))
  const missing = saas.findByWebexIds(absent).map((s) => ({ id: s.id, webexId: s.values.webexId }))
  const threshold = configured ?? defaultThreshold(saas.countForIntegration(integrationId))
  return { missing, threshold, held: missing.length > threshold }
}

/** Inside the caller's transaction. Returns rows changed. */
export function markMissing(
  deps: { saas: SaasUsersRepo; history: HistoryRepo },
  ids: readonly string[],
  runId: string,
  now: string
): number {
  let changes = 0
  for (const id of ids) {
    const n = deps.saas.markNotInWebex(id, now)
    if (n === 0) continue
    changes += n
    changes += deps.history.append([
      {
        recordType: 'saas-user',
        recordId: id,
        field: 'notInWebex',
        oldValue: 'false',
        newValue: 'true',
        runId,
        at: now
      }
    ])
  }
  return changes
}
