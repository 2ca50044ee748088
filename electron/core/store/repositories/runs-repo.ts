/** Runs, their per-record reasons (run_items), page timings (run_pages) and held marks. */
import type {
  Run,
  RunCounts,
  RunItem,
  RunKind,
  RunPage,
  RunStatus,
  RunSummary,
  RunTrigger
} from '../../../../shared/domain/run'
import type { Db } from '../db'

type RunRow = {
  id: string
  integration_id: string
  integration_name: string
  kind: RunKind
  trigger: RunTrigger
  status: RunStatus
  started_at: string
  finished_at: string | null
  heartbeat_at: string
  created: number
  updated: number
  unchanged: number
  skipped: number
  failed: number
  pages_read: number
  records_written: number
  message: string | null
  listing_complete: number
  listing_end: string | null
  not_in_webex_marked: number
  held_marks: number
  held_allowed_at: string | null
  resumed_from_run_id: string | null
  checkpoint_next_url: string | null
  checkpoint_pages: number
  page_size: number
  plan_id: string | null
  tracking_ids_json: string
}

export type RunRecord = Run & { checkpointNextUrl: string | null; recordsWritten: number }

function toSummary(r: RunRow): RunSummary {
  const finished = r.finished_at ? Date.parse(r.finished_at) : null
  return {
    id: r.id,
    integrationId: r.integration_id,
    integrationName: r.integration_name,
    kind: r.kind,
    trigger: r.trigger,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    durationMs: finished === null ? null : finished - Date.parse(r.started_at),
    counts: {
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped,
      failed: r.failed
    },
    pagesRead: r.pages_read,
    message: r.message
  }
}

function toRecord(r: RunRow): RunRecord {
  return {
    ...toSummary(r),
    listingComplete: r.listing_complete === 1,
    listingEnd: r.listing_end,
    notInWebexMarked: r.not_in_webex_marked,
    heldMarks: r.held_marks,
    heldAllowedAt: r.held_allowed_at,
    resumedFromRunId: r.resumed_from_run_id,
    checkpointPages: r.checkpoint_pages,
    hasCheckpoint: r.checkpoint_next_url !== null,
    pageSize: r.page_size,
    planId: r.plan_id,
    trackingIds: JSON.parse(r.tracking_ids_json) as string[],
    checkpointNextUrl: r.checkpoint_next_url,
    recordsWritten: r.records_written
  }
}

export const toRunDto = (r: RunRecord): Run => {
  const { checkpointNextUrl: _u, recordsWritten: _w, ...dto } = r
  return dto
}

export type NewRun = {
  id: string
  integrationId: string
  integrationName: string
  kind: RunKind
  trigger: RunTrigger
  startedAt: string
  resumedFromRunId: string | null
  checkpointPages: number
  checkpointNextUrl: string | null
  pageSize: number
  planId: string | null
}

export type Checkpoint = {
  id: string
  counts: RunCounts
  pagesRead: number
  recordsWritten: number
  nextUrl: string | null
  checkpointPages: number
  pageSize: number
  at: string
}

export type RunEnd = {
  id: string
  status: RunStatus
  message: string | null
  at: string
  listingComplete: boolean
  listingEnd: string | null
  notInWebexMarked: number
  heldMarks: number
  /** Keep the checkpoint (resumable) or clear it (the listing finished). */
  clearCheckpoint: boolean
}

export function createRunsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO runs (id, integration_id, integration_name, kind, trigger, status, started_at,
       heartbeat_at, resumed_from_run_id, checkpoint_pages, checkpoint_next_url, page_size, plan_id)
     VALUES (@id, @integrationId, @integrationName, @kind, @trigger, 'running', @startedAt,
       @startedAt, @resumedFromRunId, @checkpointPages, @checkpointNextUrl, @pageSize, @planId)`
  )
  const checkpoint = db.prepare(
    `UPDATE runs SET created = @created, updated = @updated, unchanged = @unchanged,
       skipped = @skipped, failed = @failed, pages_read = @pagesRead,
       records_written = @recordsWritten, checkpoint_next_url = @nextUrl,
       checkpoint_pages = @checkpointPages, page_size = @pageSize, heartbeat_at = @at
     WHERE id = @id`
  )
  const finish = db.prepare(
    `UPDATE runs SET status = @status, message = @message, finished_at = @at, heartbeat_at = @at,
       listing_complete = @listingComplete, listing_end = @listingEnd,
       not_in_webex_marked = @notInWebexMarked, held_marks = @heldMarks,
       checkpoint_next_url = CASE WHEN @clearCheckpoint = 1 THEN NULL ELSE checkpoint_next_url END
     WHERE id = @id`
  )
  const byId = db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?')
  const running = db.prepare<[], RunRow>("SELECT * FROM runs WHERE status = 'running'")
  const list = db.prepare<{ i: string | null; limit: number; offset: number }, RunRow>(
    `SELECT * FROM runs WHERE (@i IS NULL OR integration_id = @i)
     ORDER BY started_at DESC, rowid DESC LIMIT @limit OFFSET @offset`
  )
  const count = db.prepare<{ i: string | null }, { n: number }>(
    'SELECT count(*) AS n FROM runs WHERE (@i IS NULL OR integration_id = @i)'
  )
  const lastSync = db.prepare<[string], RunRow>(
    `SELECT * FROM runs WHERE integration_id = ? AND kind = 'sync'
     ORDER BY started_at DESC, rowid DESC LIMIT 1`
  )
  const lastAny = db.prepare<[string], RunRow>(
    `SELECT * FROM runs WHERE integration_id = ? AND kind <> 'preview'
     ORDER BY started_at DESC, rowid DESC LIMIT 1`
  )
  const insertItem = db.prepare(
    `INSERT INTO run_items (run_id, seq, outcome, webex_id, email, reason, at)
     VALUES (@runId, (SELECT coalesce(max(seq), 0) + 1 FROM run_items WHERE run_id = @runId),
       @outcome, @webexId, @email, @reason, @at)`
  )
  type ItemQuery = { run: string; outcome: string | null }
  const items = db.prepare<ItemQuery & { limit: number; offset: number }, RunItem>(
    `SELECT seq, outcome, webex_id AS webexId, email, reason, at FROM run_items
     WHERE run_id = @run AND (@outcome IS NULL OR outcome = @outcome)
     ORDER BY seq LIMIT @limit OFFSET @offset`
  )
  const itemCount = db.prepare<ItemQuery, { n: number }>(
    'SELECT count(*) AS n FROM run_items WHERE run_id = @run AND (@outcome IS NULL OR outcome = @outcome)'
  )
  const insertPage = db.prepare(
    `INSERT OR REPLACE INTO run_pages (run_id, page_number, items, page_size, fetch_ms, write_ms,
       written, tracking_id, at)
     VALUES (@runId, @pageNumber, @items, @pageSize, @fetchMs, @writeMs, @written, @trackingId, @at)`
  )
  const pages = db.prepare<[string], RunPage>(
    `SELECT page_number AS pageNumber, items, page_size AS pageSize, fetch_ms AS fetchMs,
       write_ms AS writeMs, written, tracking_id AS trackingId, at
     FROM run_pages WHERE run_id = ? ORDER BY page_number`
  )
  const trackIds = db.prepare<[string, string]>(
    'UPDATE runs SET tracking_ids_json = ? WHERE id = ?'
  )
  const heartbeat = db.prepare<[string, string]>('UPDATE runs SET heartbeat_at = ? WHERE id = ?')
  const insertHeld = db.prepare<[string, string]>(
    'INSERT OR IGNORE INTO run_held_marks (run_id, saas_user_id) VALUES (?, ?)'
  )
  const heldIds = db.prepare<[string], { saas_user_id: string }>(
    'SELECT saas_user_id FROM run_held_marks WHERE run_id = ?'
  )
  const allowHeld = db.prepare<[number, string, string]>(
    'UPDATE runs SET held_marks = 0, not_in_webex_marked = not_in_webex_marked + ?, held_allowed_at = ? WHERE id = ?'
  )
  const interrupt = db.prepare<[string, string, string]>(
    "UPDATE runs SET status = 'interrupted', message = ?, finished_at = ? WHERE id = ? AND status = 'running'"
  )

  return {
    insert: (r: NewRun) => void insert.run(r),
    checkpoint: (c: Checkpoint) => void checkpoint.run({ ...c, ...c.counts }),
    finish: (e: RunEnd) =>
      void finish.run({
        ...e,
        listingComplete: e.listingComplete ? 1 : 0,
        clearCheckpoint: e.clearCheckpoint ? 1 : 0
      }),
    get: (id: string): RunRecord | null => {
      const r = byId.get(id)
      return r ? toRecord(r) : null
    },
    running: () => running.all().map(toRecord),
    list: (integrationId: string | null, limit: number, offset: number) => ({
      rows: list.all({ i: integrationId, limit, offset }).map(toSummary),
      total: count.get({ i: integrationId })?.n ?? 0
    }),
    lastSync: (integrationId: string) => {
      const r = lastSync.get(integrationId)
      return r ? toRecord(r) : null
    },
    lastRun: (integrationId: string) => {
      const r = lastAny.get(integrationId)
      return r ? toSummary(r) : null
    },
    addItem: (i: Omit<RunItem, 'seq'> & { runId: string }) => void insertItem.run(i),
    items: (runId: string, outcome: string | null, limit: number, offset: number) => ({
      rows: items.all({ run: runId, outcome, limit, offset }),
      total: itemCount.get({ run: runId, outcome })?.n ?? 0
    }),
    addPage: (p: RunPage & { runId: string }) => void insertPage.run(p),
    pages: (runId: string) => pages.all(runId),
    setTrackingIds: (runId: string, ids: string[]) => void trackIds.run(JSON.stringify(ids), runId),
    heartbeat: (runId: string, at: string) => void heartbeat.run(at, runId),
    addHeld: (runId: string, saasUserId: string) => void insertHeld.run(runId, saasUserId),
    heldIds: (runId: string) => heldIds.all(runId).map((r) => r.saas_user_id),
    markHeldAllowed: (runId: string, marked: number, at: string) =>
      void allowHeld.run(marked, at, runId),
    markInterrupted: (runId: string, message: string, at: string) =>
      interrupt.run(message, at, runId).changes > 0
  }
}
export type RunsRepo = ReturnType<typeof createRunsRepo>
