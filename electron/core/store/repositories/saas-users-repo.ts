/** SaaS user records (the person's Webex account), linked to a person record. */
import type { SaasUserRecord } from '../../../../shared/domain/saas-user'
import type { SaasValues, Scalar } from '../../sync/record-values'
import type { Db } from '../db'
import { searchTextOf } from './people-repo'
import { createRecordWrites } from './record-writes'

export type SaasUserRow = {
  seq: number
  id: string
  person_id: string | null
  app: string
  webex_id: string
  email: string | null
  display_name: string | null
  roles_json: string
  status: string | null
  last_activity: string | null
  licenses_json: string
  invite_pending: number | null
  login_enabled: number | null
  type: string | null
  custom_json: string
  not_in_webex: number
  not_in_webex_since: string | null
  values_hash: string
  sync_time: string | null
  integration_id: string | null
  /** The run that created the record (null before migration 0050 or outside a run). */
  created_run_id: string | null
  created_at: string
  updated_at: string
}

export type StoredSaasUser = {
  id: string
  personId: string | null
  values: SaasValues
  hash: string
  notInWebex: boolean
}

export type SaasHashRow = {
  id: string
  webex_id: string
  person_id: string | null
  values_hash: string
  not_in_webex: number
}

const bool = (n: number | null) => (n === null ? null : n === 1)
const int = (b: boolean | null) => (b === null ? null : b ? 1 : 0)
const DAY_MS = 86_400_000

export function saasValuesOf(r: SaasUserRow): SaasValues {
  return {
    webexId: r.webex_id,
    email: r.email,
    displayName: r.display_name,
    roles: JSON.parse(r.roles_json) as string[],
    status: r.status,
    lastActivity: r.last_activity,
    licenses: JSON.parse(r.licenses_json) as string[],
    invitePending: bool(r.invite_pending),
    loginEnabled: bool(r.login_enabled),
    type: r.type,
    custom: JSON.parse(r.custom_json) as Record<string, Scalar>
  }
}

export function saasRecordOf(r: SaasUserRow, now: Date): SaasUserRecord {
  const v = saasValuesOf(r)
  const last = r.last_activity ? Date.parse(r.last_activity) : NaN
  return {
    id: r.id,
    personId: r.person_id,
    app: 'webex',
    ...v,
    daysSinceActivity: Number.isFinite(last)
      ? Math.max(0, Math.floor((now.getTime() - last) / DAY_MS))
      : null,
    notInWebex: r.not_in_webex === 1,
    notInWebexSince: r.not_in_webex_since,
    syncTime: r.sync_time,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

const stored = (r: SaasUserRow): StoredSaasUser => ({
  id: r.id,
  personId: r.person_id,
  values: saasValuesOf(r),
  hash: r.values_hash,
  notInWebex: r.not_in_webex === 1
})

type WriteParams = {
  id: string
  person_id: string | null
  webex_id: string
  email: string | null
  display_name: string | null
  roles_json: string
  status: string | null
  last_activity: string | null
  licenses_json: string
  invite_pending: number | null
  login_enabled: number | null
  type: string | null
  custom_json: string
  values_hash: string
  sync_time: string | null
  integration_id: string | null
  search_text: string
  now: string
}

/** The written columns besides id and the times, in the order the statements bind them. */
const WRITE_COLUMNS = [
  'person_id',
  'webex_id',
  'email',
  'display_name',
  'roles_json',
  'status',
  'last_activity',
  'licenses_json',
  'invite_pending',
  'login_enabled',
  'type',
  'custom_json',
  'values_hash',
  'sync_time',
  'integration_id',
  'search_text'
] as const

export function createSaasUsersRepo(db: Db) {
  const byWebexIds = db.prepare<[string], SaasUserRow>(
    'SELECT * FROM saas_users WHERE webex_id IN (SELECT value FROM json_each(?))'
  )
  const byId = db.prepare<[string], SaasUserRow>('SELECT * FROM saas_users WHERE id = ?')
  const byPerson = db.prepare<[string], SaasUserRow>(
    'SELECT * FROM saas_users WHERE person_id = ? ORDER BY seq LIMIT 1'
  )
  // A write without a person or integration (an applied plan's edit) keeps the record's own.
  const writes = createRecordWrites<WriteParams, (typeof WRITE_COLUMNS)[number]>(
    db,
    'saas_users',
    WRITE_COLUMNS,
    {
      keepWhenNull: ['person_id', 'integration_id'],
      alsoSetOnUpdate: 'not_in_webex = 0, not_in_webex_since = NULL'
    }
  )
  const hashesByWebexIds = db.prepare<[string], SaasHashRow>(
    `SELECT id, webex_id, person_id, values_hash, not_in_webex FROM saas_users
     WHERE webex_id IN (SELECT value FROM json_each(?))`
  )
  const byIds = db.prepare<[string], SaasUserRow>(
    'SELECT * FROM saas_users WHERE id IN (SELECT value FROM json_each(?))'
  )
  // Webex IDs only: after every complete listing this reads all of an integration's SaaS users
  // (100k rows as objects cost ≈ 0.2–0.6 s, plain strings ≈ 0.1 s).
  const present = db
    .prepare<[string], string>(
      'SELECT webex_id FROM saas_users WHERE integration_id = ? AND not_in_webex = 0'
    )
    .pluck()
  const countAll = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM saas_users WHERE integration_id = ?'
  )
  const mark = db.prepare<{ id: string; now: string }>(
    `UPDATE saas_users SET not_in_webex = 1, not_in_webex_since = @now, updated_at = @now
     WHERE id = @id AND not_in_webex = 0`
  )
  const heldRows = db.prepare<[string, number, number], SaasUserRow>(
    `SELECT s.* FROM run_held_marks h JOIN saas_users s ON s.id = h.saas_user_id
     WHERE h.run_id = ? ORDER BY s.email COLLATE NOCASE LIMIT ? OFFSET ?`
  )

  const toParams = (
    id: string,
    personId: string | null,
    v: SaasValues,
    hash: string,
    syncTime: string | null,
    integrationId: string | null,
    now: string
  ): WriteParams => ({
    id,
    person_id: personId,
    webex_id: v.webexId,
    email: v.email,
    display_name: v.displayName,
    roles_json: JSON.stringify(v.roles),
    status: v.status,
    last_activity: v.lastActivity,
    licenses_json: JSON.stringify(v.licenses),
    invite_pending: int(v.invitePending),
    login_enabled: int(v.loginEnabled),
    type: v.type,
    custom_json: JSON.stringify(v.custom),
    values_hash: hash,
    sync_time: syncTime,
    integration_id: integrationId,
    search_text: searchTextOf([v.email, v.displayName]),
    now
  })

  return {
    findByWebexIds: (ids: readonly string[]): StoredSaasUser[] =>
      ids.length === 0 ? [] : byWebexIds.all(JSON.stringify(ids)).map(stored),
    getRow: (id: string): SaasUserRow | null => byId.get(id) ?? null,
    getRowByPerson: (personId: string): SaasUserRow | null => byPerson.get(personId) ?? null,
    /** The columns the unchanged check needs; full rows come from findByIds when needed. */
    hashesByWebexIds: (ids: readonly string[]): SaasHashRow[] =>
      ids.length === 0 ? [] : hashesByWebexIds.all(JSON.stringify(ids)),
    findByIds: (ids: readonly string[]): StoredSaasUser[] =>
      ids.length === 0 ? [] : byIds.all(JSON.stringify(ids)).map(stored),
    insert: (...args: [...Parameters<typeof toParams>, createdRunId: string | null]) => {
      const [id, personId, v, hash, syncTime, integrationId, now, createdRunId] = args
      return writes.insert(
        toParams(id, personId, v, hash, syncTime, integrationId, now),
        createdRunId
      )
    },
    update: (...a: Parameters<typeof toParams>) => writes.update(toParams(...a)),
    /** Webex IDs of an integration's SaaS users not yet marked "not in Webex". */
    presentWebexIds: (integrationId: string): string[] => present.all(integrationId),
    countForIntegration: (integrationId: string) => countAll.get(integrationId)?.n ?? 0,
    markNotInWebex: (id: string, now: string) => mark.run({ id, now }).changes,
    heldRows: (runId: string, limit: number, offset: number) => heldRows.all(runId, limit, offset)
  }
}
export type SaasUsersRepo = ReturnType<typeof createSaasUsersRepo>
