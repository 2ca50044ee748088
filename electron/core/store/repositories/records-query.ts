/**
 * Paged list queries over people and SaaS users. Column names come only from the allowlists below
 * (S21): a request naming any other column is refused before SQL is built. Values are always bound.
 * Search: a case-insensitive substring match on `search_text`, the lower-cased searchable fields
 * the repositories write with each row (email, name, username). A LIKE scan of 100k rows takes
 * ~50–100 ms, inside the 400 ms substring budget, and costs inserts nothing (FTS5 trigram tables cost
 * more than the rest of the row: docs/benchmarks.md, round 2).
 */
import type { ColumnInfo, ListFilter, ListQuery } from '../../../../shared/domain/list-query'
import { AppError } from '../../errors'
import type { Db } from '../db'

export type ColumnDef = ColumnInfo & { sql: string }

type Table = { table: string; columns: ColumnDef[] }

const col = (
  key: string,
  label: string,
  sql: string,
  type: ColumnInfo['type'] = 'text',
  defaultVisible = true,
  sortable = true
): ColumnDef => ({ key, label, sql, type, sortable, filterable: true, defaultVisible })

export const PEOPLE_TABLE: Table = {
  table: 'people',
  columns: [
    col('displayName', 'Name', 'display_name'),
    col('email', 'Email', 'email'),
    col('username', 'Username', 'username', 'text', false),
    col('firstName', 'First name', 'first_name', 'text', false),
    col('lastName', 'Last name', 'last_name', 'text', false),
    col('role', 'Role', 'role', 'choice'),
    col('webexStatus', 'Webex status', 'webex_status', 'choice'),
    col('webexType', 'Webex type', 'webex_type', 'choice', false),
    col('webexId', 'Webex ID', 'webex_id', 'text', false, false),
    col('webexOrgId', 'Webex org ID', 'webex_org_id', 'text', false, false),
    col('webexCreated', 'Webex created', 'webex_created', 'date', false, false),
    col('webexLastModified', 'Webex last modified', 'webex_last_modified', 'date', false, false),
    col('invitePending', 'Invite pending', 'invite_pending', 'boolean', false, false),
    col('syncTime', 'User Load Connector Sync Time', 'sync_time', 'date'),
    col('createdAt', 'Created', 'created_at', 'date', false, false),
    col('updatedAt', 'Updated', 'updated_at', 'date', false)
  ]
}

export const SAAS_TABLE: Table = {
  table: 'saas_users',
  columns: [
    col('displayName', 'Name', 'display_name'),
    col('email', 'Email', 'email'),
    col('roles', 'Roles', 'roles_json', 'list', true, false),
    col('status', 'Status', 'status', 'choice'),
    col('lastActivity', 'Last activity', 'last_activity', 'date'),
    col('daysSinceActivity', 'Days since activity', 'last_activity', 'number', true, false),
    col('licenses', 'Licences', 'licenses_json', 'list', true, false),
    col('invitePending', 'Invite pending', 'invite_pending', 'boolean', false, false),
    col('loginEnabled', 'Login enabled', 'login_enabled', 'boolean', false, false),
    col('type', 'Type', 'type', 'choice', false),
    col('notInWebex', 'Not in Webex', 'not_in_webex', 'boolean', true),
    col('webexId', 'Webex ID', 'webex_id', 'text', false, false),
    col('syncTime', 'User Load Connector Sync Time', 'sync_time', 'date', false),
    col('updatedAt', 'Updated', 'updated_at', 'date', false)
  ]
}

export const publicColumns = (t: Table): ColumnInfo[] => t.columns.map(({ sql: _sql, ...c }) => c)

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function filterSql(c: ColumnDef, f: ListFilter, params: unknown[]): string {
  const v = f.value
  const bound = (x: unknown) => {
    params.push(typeof x === 'boolean' ? (x ? 1 : 0) : x)
    return '?'
  }
  const needValue = () => {
    if (v === undefined)
      throw new AppError('BAD_REQUEST', `Filter "${f.op}" on ${c.key} needs a value`)
    return v
  }
  const bool = c.type === 'boolean'
  const norm = (x: string | number | boolean) => (bool && typeof x === 'string' ? x === 'true' : x)
  switch (f.op) {
    case 'eq':
      return `${c.sql} = ${bound(norm(needValue()))}${bool ? '' : ' COLLATE NOCASE'}`
    case 'neq':
      return `(${c.sql} IS NULL OR ${c.sql} <> ${bound(norm(needValue()))}${bool ? '' : ' COLLATE NOCASE'})`
    case 'contains':
      return `${c.sql} LIKE ${bound(`%${escapeLike(String(needValue()))}%`)} ESCAPE '\\'`
    case 'starts':
      return `${c.sql} LIKE ${bound(`${escapeLike(String(needValue()))}%`)} ESCAPE '\\'`
    case 'empty':
      return `(${c.sql} IS NULL OR ${c.sql} = '' OR ${c.sql} = '[]')`
    case 'not-empty':
      return `(${c.sql} IS NOT NULL AND ${c.sql} <> '' AND ${c.sql} <> '[]')`
    case 'gt':
      return `${c.sql} > ${bound(needValue())}`
    case 'lt':
      return `${c.sql} < ${bound(needValue())}`
  }
}

export function queryRecords<Row>(
  db: Db,
  t: Table,
  q: Required<Pick<ListQuery, 'offset' | 'limit'>> & ListQuery
): { rows: Row[]; total: number } {
  const byKey = new Map(t.columns.map((c) => [c.key, c]))
  const where: string[] = []
  const params: unknown[] = []
  for (const f of q.filters ?? []) {
    const c = byKey.get(f.column)
    if (!c || !c.filterable) throw new AppError('BAD_REQUEST', `Unknown column: ${f.column}`)
    where.push(filterSql(c, f, params))
  }
  const term = q.search?.trim()
  if (term) {
    // Lower-cased by JavaScript like search_text (repositories' searchTextOf), so Unicode folds too.
    where.push(`search_text LIKE ? ESCAPE '\\'`)
    params.push(`%${escapeLike(term.toLowerCase())}%`)
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  let order = 'seq'
  if (q.sort) {
    const c = byKey.get(q.sort.column)
    if (!c || !c.sortable) throw new AppError('BAD_REQUEST', `Cannot sort by ${q.sort.column}`)
    const dir = q.sort.direction === 'desc' ? 'DESC' : 'ASC'
    order = `${c.sql}${c.type === 'text' ? ' COLLATE NOCASE' : ''} ${dir}, seq ${dir}`
  }
  const rows = db
    .prepare(`SELECT * FROM ${t.table} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as Row[]
  const total = (
    db.prepare(`SELECT count(*) AS n FROM ${t.table} ${whereSql}`).get(...params) as { n: number }
  ).n
  return { rows, total }
}
