/**
 * Append-only record of what an admin (or a scheduled job) did. Rows are committed with
 * synchronous=FULL (F3) unless the caller already holds a transaction, which then owns durability
 * (e.g. a credential change and its audit row commit together via durableWriteTransaction).
 * `detail` passes through redact(): an audit row must never carry a token.
 */
import { redact } from '../../log/redact'
import type { Db } from '../db'
import { durableWriteTransaction, mapped } from '../transaction'

export type AuditEntryInput = {
  at?: string
  actor: string
  action: string
  subject?: string | null
  detail?: unknown
}

export type AuditEntry = {
  id: number
  at: string
  actor: string
  action: string
  subject: string | null
  detail: string | null
}

export type AuditRepo = {
  append(entry: AuditEntryInput): number
  listRecent(limit?: number): AuditEntry[]
}

export const MAX_AUDIT_PAGE = 1000

export function createAuditRepo(db: Db, deps: { now?: () => Date } = {}): AuditRepo {
  const now = deps.now ?? (() => new Date())
  const insert = db.prepare<{
    at: string
    actor: string
    action: string
    subject: string | null
    detail: string | null
  }>(
    `INSERT INTO audit_log (at, actor, action, subject, detail)
     VALUES (@at, @actor, @action, @subject, @detail)`
  )
  const recent = db.prepare<[number], AuditEntry>(
    'SELECT id, at, actor, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?'
  )
  const toDetail = (d: unknown): string | null =>
    d === undefined || d === null ? null : JSON.stringify(redact(d))

  return {
    append: (entry) => {
      const row = {
        at: entry.at ?? now().toISOString(),
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject ?? null,
        detail: toDetail(entry.detail)
      }
      const run = () => Number(insert.run(row).lastInsertRowid)
      return db.inTransaction ? mapped(run) : durableWriteTransaction(db, run)
    },
    listRecent: (limit = 100) =>
      mapped(() => recent.all(Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.trunc(limit)))))
  }
}
