/** Stored dry-run plans: a header and one item per Webex person (or "not in Webex" mark). */
import type { RunCounts } from '../../../../shared/domain/run'
import type { FieldDiff, PlanAction, PlanItem } from '../../../../shared/domain/plan'
import type { Db } from '../db'

export type PlanHeader = {
  id: string
  integrationId: string
  runId: string
  status: 'ready' | 'applied' | 'stale' | 'failed'
  storeVersion: number
  configHash: string
  counts: RunCounts
  notInWebex: number
  notInWebexHeld: boolean
  listingComplete: boolean
  createdAt: string
  appliedAt: string | null
}

type HeaderRow = {
  id: string
  integration_id: string
  run_id: string
  status: PlanHeader['status']
  store_version: number
  config_hash: string
  created: number
  updated: number
  unchanged: number
  skipped: number
  not_in_webex: number
  not_in_webex_held: number
  listing_complete: number
  created_at: string
  applied_at: string | null
}

export type PlanItemInput = {
  action: PlanAction
  webexId: string | null
  email: string | null
  displayName: string | null
  reason: string | null
  diff: FieldDiff[]
  payload: unknown
}

const toHeader = (r: HeaderRow): PlanHeader => ({
  id: r.id,
  integrationId: r.integration_id,
  runId: r.run_id,
  status: r.status,
  storeVersion: r.store_version,
  configHash: r.config_hash,
  counts: {
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    failed: 0
  },
  notInWebex: r.not_in_webex,
  notInWebexHeld: r.not_in_webex_held === 1,
  listingComplete: r.listing_complete === 1,
  createdAt: r.created_at,
  appliedAt: r.applied_at
})

type ItemRow = {
  seq: number
  action: PlanAction
  webex_id: string | null
  email: string | null
  display_name: string | null
  reason: string | null
  diff_json: string
  payload_json: string | null
}

export function createPlansRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO plans (id, integration_id, run_id, status, store_version, config_hash, created_at)
     VALUES (@id, @integrationId, @runId, 'ready', @storeVersion, @configHash, @createdAt)`
  )
  const finish = db.prepare(
    `UPDATE plans SET created = @created, updated = @updated, unchanged = @unchanged,
       skipped = @skipped, not_in_webex = @notInWebex, not_in_webex_held = @held,
       listing_complete = @complete, status = @status WHERE id = @id`
  )
  const setStatus = db.prepare<[string, string | null, string]>(
    'UPDATE plans SET status = ?, applied_at = ? WHERE id = ?'
  )
  const byId = db.prepare<[string], HeaderRow>('SELECT * FROM plans WHERE id = ?')
  const nextSeq = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(seq), 0) AS n FROM plan_items WHERE plan_id = ?'
  )
  const insertItem = db.prepare(
    `INSERT INTO plan_items (plan_id, seq, action, webex_id, email, display_name, reason, diff_json,
       payload_json) VALUES (@planId, @seq, @action, @webexId, @email, @displayName, @reason,
       @diff, @payload)`
  )
  type ItemQuery = { plan: string; action: string | null }
  const items = db.prepare<ItemQuery & { limit: number; offset: number }, ItemRow>(
    `SELECT seq, action, webex_id, email, display_name, reason, diff_json, payload_json
     FROM plan_items WHERE plan_id = @plan AND (@action IS NULL OR action = @action)
     ORDER BY seq LIMIT @limit OFFSET @offset`
  )
  const count = db.prepare<ItemQuery, { n: number }>(
    'SELECT count(*) AS n FROM plan_items WHERE plan_id = @plan AND (@action IS NULL OR action = @action)'
  )
  const afterSeq = db.prepare<[string, number, number], ItemRow>(
    `SELECT seq, action, webex_id, email, display_name, reason, diff_json, payload_json
     FROM plan_items WHERE plan_id = ? AND seq > ? AND action IN ('create', 'update', 'mark-not-in-webex')
     ORDER BY seq LIMIT ?`
  )
  const toItem = (r: ItemRow): PlanItem => ({
    seq: r.seq,
    action: r.action,
    webexId: r.webex_id,
    email: r.email,
    displayName: r.display_name,
    reason: r.reason,
    diff: JSON.parse(r.diff_json) as FieldDiff[]
  })
  return {
    insert: (h: {
      id: string
      integrationId: string
      runId: string
      storeVersion: number
      configHash: string
      createdAt: string
    }) => void insert.run(h),
    finish: (
      id: string,
      f: {
        counts: RunCounts
        notInWebex: number
        held: boolean
        complete: boolean
        status: PlanHeader['status']
      }
    ) =>
      void finish.run({
        id,
        ...f.counts,
        notInWebex: f.notInWebex,
        held: f.held ? 1 : 0,
        complete: f.complete ? 1 : 0,
        status: f.status
      }),
    setStatus: (id: string, status: PlanHeader['status'], appliedAt: string | null) =>
      void setStatus.run(status, appliedAt, id),
    get: (id: string): PlanHeader | null => {
      const r = byId.get(id)
      return r ? toHeader(r) : null
    },
    addItems(planId: string, list: readonly PlanItemInput[]) {
      let seq = nextSeq.get(planId)?.n ?? 0
      for (const i of list)
        insertItem.run({
          planId,
          seq: ++seq,
          action: i.action,
          webexId: i.webexId,
          email: i.email,
          displayName: i.displayName,
          reason: i.reason,
          diff: JSON.stringify(i.diff),
          payload: i.payload === undefined ? null : JSON.stringify(i.payload)
        })
    },
    items: (planId: string, action: string | null, limit: number, offset: number) => ({
      rows: items.all({ plan: planId, action, limit, offset }).map(toItem),
      total: count.get({ plan: planId, action })?.n ?? 0
    }),
    /** Actionable items after `seq`, with their payload, for Apply. */
    actionableAfter: (planId: string, seq: number, limit: number) =>
      afterSeq.all(planId, seq, limit).map((r) => ({
        ...toItem(r),
        payload: r.payload_json === null ? null : (JSON.parse(r.payload_json) as unknown)
      }))
  }
}
export type PlansRepo = ReturnType<typeof createPlansRepo>
