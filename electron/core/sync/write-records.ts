/**
 * Writes one RecordPlan: person and SaaS rows plus one history row per changed field (a new record
 * carries the run that created it instead of a history row). Runs inside
 * the caller's page transaction. Returns the number of rows it changed (the no-change re-sync test
 * asserts zero).
 */
import type { HistoryInput, HistoryRepo } from '../store/repositories/history-repo'
import type { PeopleRepo } from '../store/repositories/people-repo'
import type { SaasUsersRepo } from '../store/repositories/saas-users-repo'
import type { RecordPlan } from './record-plan'

export type WriteContext = {
  people: PeopleRepo
  saas: SaasUsersRepo
  history: HistoryRepo
  runId: string
  integrationId: string
  /** "User Load Connector Sync Time" stamped on every record this run loads. */
  syncTime: string
  now: string
}

export function writeRecordPlan(plan: RecordPlan, ctx: WriteContext): number {
  let changes = 0
  const history: HistoryInput[] = []
  const entry = (
    recordType: HistoryInput['recordType'],
    recordId: string,
    field: string,
    oldValue: string | null,
    newValue: string | null
  ) =>
    history.push({ recordType, recordId, field, oldValue, newValue, runId: ctx.runId, at: ctx.now })

  const p = plan.person
  if (p) {
    const args = [p.id, p.values, p.hash, ctx.syncTime, ctx.integrationId, ctx.now] as const
    // A creation is not a history row: the record keeps the run that created it (migration 0050).
    changes +=
      p.op === 'insert' ? ctx.people.insert(...args, ctx.runId) : ctx.people.update(...args)
  }
  const s = plan.saas
  if (s) {
    const args = [
      s.id,
      s.personId,
      s.values,
      s.hash,
      ctx.syncTime,
      ctx.integrationId,
      ctx.now
    ] as const
    changes += s.op === 'insert' ? ctx.saas.insert(...args, ctx.runId) : ctx.saas.update(...args)
  }
  for (const d of plan.diff) {
    if (d.field.startsWith('person.') && p) entry('person', p.id, d.field.slice(7), d.old, d.new)
    else if (d.field.startsWith('saas.') && s)
      entry('saas-user', s.id, d.field.slice(5), d.old, d.new)
  }
  changes += ctx.history.append(history)
  return changes
}
