/**
 * Person records: batched lookups for a page of Webex people (by Webex ID and by sync key, one query
 * each via json_each), inserts and whole-row updates through prepared statements.
 */
import { CustomFieldKey } from '../../../../shared/domain/custom-field'
import type { PersonRecord } from '../../../../shared/domain/person'
import type { PersonValues, Scalar } from '../../sync/record-values'
import type { Db } from '../db'
import { createRecordWrites } from './record-writes'

export type PersonRow = {
  seq: number
  id: string
  username: string | null
  email: string | null
  display_name: string | null
  first_name: string | null
  last_name: string | null
  role: string | null
  webex_id: string | null
  webex_org_id: string | null
  webex_status: string | null
  webex_type: string | null
  webex_created: string | null
  webex_last_modified: string | null
  invite_pending: number | null
  sync_time: string | null
  custom_json: string
  values_hash: string
  integration_id: string | null
  /** The run that created the record (null before migration 0050 or outside a run). */
  created_run_id: string | null
  created_at: string
  updated_at: string
}

export type StoredPerson = {
  id: string
  values: PersonValues
  hash: string
  syncTime: string | null
}

export type PersonHashRow = { id: string; webex_id: string; values_hash: string }

const bool = (n: number | null) => (n === null ? null : n === 1)

export function personValuesOf(r: PersonRow): PersonValues {
  return {
    username: r.username,
    email: r.email,
    displayName: r.display_name,
    firstName: r.first_name,
    lastName: r.last_name,
    role: r.role,
    webexId: r.webex_id,
    webexOrgId: r.webex_org_id,
    webexStatus: r.webex_status,
    webexType: r.webex_type,
    webexCreated: r.webex_created,
    webexLastModified: r.webex_last_modified,
    invitePending: bool(r.invite_pending),
    custom: JSON.parse(r.custom_json) as Record<string, Scalar>
  }
}

export function personRecordOf(r: PersonRow): PersonRecord {
  const v = personValuesOf(r)
  return {
    id: r.id,
    ...v,
    syncTime: r.sync_time,
    integrationId: r.integration_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

const stored = (r: PersonRow): StoredPerson => ({
  id: r.id,
  values: personValuesOf(r),
  hash: r.values_hash,
  syncTime: r.sync_time
})

type WriteParams = {
  id: string
  username: string | null
  email: string | null
  display_name: string | null
  first_name: string | null
  last_name: string | null
  role: string | null
  webex_id: string | null
  webex_org_id: string | null
  webex_status: string | null
  webex_type: string | null
  webex_created: string | null
  webex_last_modified: string | null
  invite_pending: number | null
  sync_time: string | null
  custom_json: string
  values_hash: string
  integration_id: string | null
  search_text: string
  now: string
}

/** The written columns besides id and the times, in the order the statements bind them. */
const WRITE_COLUMNS = [
  'username',
  'email',
  'display_name',
  'first_name',
  'last_name',
  'role',
  'webex_id',
  'webex_org_id',
  'webex_status',
  'webex_type',
  'webex_created',
  'webex_last_modified',
  'invite_pending',
  'sync_time',
  'custom_json',
  'values_hash',
  'integration_id',
  'search_text'
] as const

function params(
  id: string,
  v: PersonValues,
  hash: string,
  syncTime: string | null,
  integrationId: string | null,
  now: string
): WriteParams {
  return {
    id,
    username: v.username,
    email: v.email,
    display_name: v.displayName,
    first_name: v.firstName,
    last_name: v.lastName,
    role: v.role,
    webex_id: v.webexId,
    webex_org_id: v.webexOrgId,
    webex_status: v.webexStatus,
    webex_type: v.webexType,
    webex_created: v.webexCreated,
    webex_last_modified: v.webexLastModified,
    invite_pending: v.invitePending === null ? null : v.invitePending ? 1 : 0,
    sync_time: syncTime,
    custom_json: JSON.stringify(v.custom),
    values_hash: hash,
    integration_id: integrationId,
    search_text: personSearchText(v),
    now
  }
}

/**
 * What substring search matches (records-query.ts): the searchable fields, lower-cased by JavaScript
 * so that non-ASCII letters fold too (SQLite's LIKE folds ASCII only), joined by a separator no
 * search term contains.
 */
export const searchTextOf = (parts: readonly (string | null)[]): string =>
  parts
    .filter((x): x is string => x !== null && x !== '')
    .join('\u001f')
    .toLowerCase()

const personSearchText = (v: PersonValues) => searchTextOf([v.email, v.displayName, v.username])

/** Sync keys the engine may look people up by; the column names are fixed here, never user input. */
const KEY_COLUMNS = { email: 'email', username: 'username', webexId: 'webex_id' } as const
export type PersonKeyField = keyof typeof KEY_COLUMNS

/**
 * The SQL text of a custom person field's sync-key value: its JSON value, trimmed and lower-cased.
 * The custom-fields repository indexes exactly this expression, so lookups by it use the index. The
 * key is checked by CustomFieldKey (letters, digits, `_`, `-`) before it is embedded, and quoted in the
 * JSON path.
 */
export function customKeySql(key: string): string {
  const k = CustomFieldKey.parse(key)
  return `lower(trim(json_extract(custom_json, '$."${k}"')))`
}

/** What SQLite's lower() does: ASCII letters only (JavaScript's toLowerCase folds every script). */
const sqlLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase())

export function createPeopleRepo(db: Db) {
  const byWebexIds = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE webex_id IN (SELECT value FROM json_each(?))'
  )
  const byKey = Object.fromEntries(
    Object.entries(KEY_COLUMNS).map(([field, col]) => [
      field,
      db.prepare<[string], PersonRow>(
        `SELECT * FROM people WHERE ${col} COLLATE NOCASE IN (SELECT value FROM json_each(?))`
      )
    ])
  ) as Record<PersonKeyField, ReturnType<typeof db.prepare<[string], PersonRow>>>
  /** One statement per custom key field, prepared on first use. */
  const byCustomKey = new Map<string, ReturnType<typeof db.prepare<[string], PersonRow>>>()
  const customKeyStatement = (key: string) => {
    let st = byCustomKey.get(key)
    if (!st) {
      st = db.prepare<[string], PersonRow>(
        `SELECT * FROM people WHERE ${customKeySql(key)} IN (SELECT value FROM json_each(?))`
      )
      byCustomKey.set(key, st)
    }
    return st
  }
  const byId = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?')
  // A write without a person or integration (an applied plan's edit) keeps the record's own.
  const writes = createRecordWrites<WriteParams, (typeof WRITE_COLUMNS)[number]>(
    db,
    'people',
    WRITE_COLUMNS,
    { keepWhenNull: ['integration_id'] }
  )
  const hashesByWebexIds = db.prepare<[string], PersonHashRow>(
    'SELECT id, webex_id, values_hash FROM people WHERE webex_id IN (SELECT value FROM json_each(?))'
  )
  const byIds = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE id IN (SELECT value FROM json_each(?))'
  )
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM people')

  return {
    findByWebexIds: (ids: readonly string[]): StoredPerson[] =>
      ids.length === 0 ? [] : byWebexIds.all(JSON.stringify(ids)).map(stored),
    findByKey: (field: PersonKeyField, values: readonly string[]): StoredPerson[] =>
      values.length === 0 ? [] : byKey[field].all(JSON.stringify(values)).map(stored),
    /**
     * People whose custom field `key` holds one of `values` (trimmed, case-insensitive for ASCII
     * letters like the email lookup): one indexed query for the whole list.
     */
    findByCustomKey: (key: string, values: readonly string[]): StoredPerson[] =>
      values.length === 0
        ? []
        : customKeyStatement(key)
            .all(JSON.stringify([...new Set(values.map((v) => sqlLower(v.trim())))]))
            .map(stored),
    /** Id and hash only, for the unchanged check; full rows come from findByIds when needed. */
    hashesByWebexIds: (ids: readonly string[]): PersonHashRow[] =>
      ids.length === 0 ? [] : hashesByWebexIds.all(JSON.stringify(ids)),
    findByIds: (ids: readonly string[]): StoredPerson[] =>
      ids.length === 0 ? [] : byIds.all(JSON.stringify(ids)).map(stored),
    getRow: (id: string): PersonRow | null => byId.get(id) ?? null,
    insert(
      id: string,
      v: PersonValues,
      hash: string,
      syncTime: string | null,
      integrationId: string | null,
      now: string,
      createdRunId: string | null
    ): number {
      return writes.insert(params(id, v, hash, syncTime, integrationId, now), createdRunId)
    },
    update(
      id: string,
      v: PersonValues,
      hash: string,
      syncTime: string | null,
      integrationId: string | null,
      now: string
    ): number {
      return writes.update(params(id, v, hash, syncTime, integrationId, now))
    },
    count: () => count.get()?.n ?? 0
  }
}
export type PeopleRepo = ReturnType<typeof createPeopleRepo>
