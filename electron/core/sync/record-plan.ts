/** What a sync does with one Webex person: the unit shared by Sync, Preview (stored) and Apply. */
import type { FieldDiff, PlanAction } from '../../../shared/domain/plan'
import type { PersonValues, SaasValues } from './record-values'

export type WriteOp<V> = {
  op: 'insert' | 'update'
  id: string
  values: V
  hash: string
  /** Values before (update only), for history. */
  old: V | null
}

export type RecordPlan = {
  action: Exclude<PlanAction, 'mark-not-in-webex'>
  webexId: string
  email: string | null
  displayName: string | null
  /** Skip reason, or how the record was matched. */
  reason: string | null
  person: WriteOp<PersonValues> | null
  /** Linked to `personId` (the created or matched person). */
  saas: (WriteOp<SaasValues> & { personId: string | null }) | null
  diff: FieldDiff[]
  /**
   * The record hashes this person maps to (all but skips): what the person and SaaS user records
   * hold after the plan is written, kept with the raw person for the unchanged fast path.
   */
  hashes?: { person: string; saas: string | null }
}
