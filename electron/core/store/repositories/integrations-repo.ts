/**
 * Integration rows. Schedule, sync keys, filters and mapping are JSON columns, parsed with their zod
 * schemas on read so a hand-edited or older row can never hand the engine an unchecked shape.
 */
import type { z } from 'zod'
import { IngestFilters } from '../../../../shared/domain/ingest-filter-rule'
import {
  IntegrationStatus,
  Preference,
  RecordScope,
  Schedule,
  SyncKeys,
  type Integration
} from '../../../../shared/domain/integration'
import { Mapping } from '../../../../shared/domain/mapping'
import { AppError } from '../../errors'
import type { Db } from '../db'
import { mapSqliteError } from '../errors'

export type IntegrationRecord = Omit<Integration, 'readiness' | 'nextRunAt' | 'lastRun'> & {
  lastScheduledAt: string | null
}

type Row = {
  id: string
  name: string
  credential_id: string | null
  scope: string
  preference: string
  schedule_json: string
  sync_keys_json: string
  filters_json: string
  mapping_json: string
  not_in_webex_threshold: number | null
  status: string
  last_scheduled_at: string | null
  created_at: string
  updated_at: string
}

const json = <S extends z.ZodType>(schema: S, text: string): z.output<S> =>
  schema.parse(JSON.parse(text))

function toRecord(r: Row): IntegrationRecord {
  return {
    id: r.id,
    name: r.name,
    credentialId: r.credential_id,
    scope: RecordScope.parse(r.scope),
    preference: Preference.parse(r.preference),
    schedule: json(Schedule, r.schedule_json),
    syncKeys: json(SyncKeys, r.sync_keys_json),
    filters: json(IngestFilters, r.filters_json),
    mapping: json(Mapping, r.mapping_json),
    notInWebexThreshold: r.not_in_webex_threshold,
    status: IntegrationStatus.parse(r.status),
    lastScheduledAt: r.last_scheduled_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function toRow(i: IntegrationRecord): Row {
  return {
    id: i.id,
    name: i.name,
    credential_id: i.credentialId,
    scope: i.scope,
    preference: i.preference,
    schedule_json: JSON.stringify(i.schedule),
    sync_keys_json: JSON.stringify(i.syncKeys),
    filters_json: JSON.stringify(i.filters),
    mapping_json: JSON.stringify(i.mapping),
    not_in_webex_threshold: i.notInWebexThreshold,
    status: i.status,
    last_scheduled_at: i.lastScheduledAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt
  }
}

function mapWriteError(e: unknown, name: string): Error {
  const code = e instanceof Error && 'code' in e ? (e as { code: unknown }).code : null
  if (code === 'SQLITE_CONSTRAINT_UNIQUE')
    return new AppError('CONFLICT', `An integration named "${name}" already exists.`, { cause: e })
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new AppError('BAD_REQUEST', 'That credential does not exist.', { cause: e })
  return mapSqliteError(e)
}

const COLS = `id, name, credential_id, scope, preference, schedule_json, sync_keys_json, filters_json,
  mapping_json, not_in_webex_threshold, status, last_scheduled_at, created_at, updated_at`
const VALS = `@id, @name, @credential_id, @scope, @preference, @schedule_json, @sync_keys_json,
  @filters_json, @mapping_json, @not_in_webex_threshold, @status, @last_scheduled_at, @created_at,
  @updated_at`

export function createIntegrationsRepo(db: Db) {
  const all = db.prepare<[], Row>(`SELECT ${COLS} FROM integrations ORDER BY name COLLATE NOCASE`)
  const byId = db.prepare<[string], Row>(`SELECT ${COLS} FROM integrations WHERE id = ?`)
  const byName = db.prepare<[string], Row>(`SELECT ${COLS} FROM integrations WHERE name = ?`)
  const insert = db.prepare<Row>(`INSERT INTO integrations (${COLS}) VALUES (${VALS})`)
  const replace = db.prepare<Row>(
    `UPDATE integrations SET name = @name, credential_id = @credential_id, scope = @scope,
       preference = @preference, schedule_json = @schedule_json, sync_keys_json = @sync_keys_json,
       filters_json = @filters_json, mapping_json = @mapping_json,
       not_in_webex_threshold = @not_in_webex_threshold, status = @status,
       last_scheduled_at = @last_scheduled_at, updated_at = @updated_at
     WHERE id = @id`
  )
  const remove = db.prepare<[string]>('DELETE FROM integrations WHERE id = ?')
  const scheduled = db.prepare<[string | null, string]>(
    'UPDATE integrations SET last_scheduled_at = ? WHERE id = ?'
  )
  return {
    list: () => all.all().map(toRecord),
    get: (id: string) => {
      const r = byId.get(id)
      return r ? toRecord(r) : null
    },
    getByName: (name: string) => {
      const r = byName.get(name)
      return r ? toRecord(r) : null
    },
    insert(i: IntegrationRecord) {
      try {
        insert.run(toRow(i))
      } catch (e) {
        throw mapWriteError(e, i.name)
      }
    },
    replace(i: IntegrationRecord) {
      try {
        return replace.run(toRow(i)).changes > 0
      } catch (e) {
        throw mapWriteError(e, i.name)
      }
    },
    remove: (id: string) => remove.run(id).changes > 0,
    setLastScheduledAt: (id: string, at: string | null) => void scheduled.run(at, id)
  }
}
export type IntegrationsRepo = ReturnType<typeof createIntegrationsRepo>
