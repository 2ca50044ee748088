/**
 * Credential rows: who a credential is and where it points, never a secret (S14). The service adds
 * `hasClientSecret` from the keychain. Updates read, merge and write the whole row through one
 * prepared statement: no SQL is assembled from field names (S21).
 */
import type { AuthorizedIdentity, Credential } from '../../../../shared/domain/credential'
import { AuthType, CredentialStatus } from '../../../../shared/domain/credential'
import { AppError } from '../../errors'
import type { Db } from '../db'
import { mapSqliteError } from '../errors'
import { mapped, writeTransaction } from '../transaction'

/** A stored credential: the contract's Credential minus what only the keychain knows. */
export type CredentialRecord = Omit<Credential, 'hasClientSecret'>
export type CredentialPatch = Partial<Omit<CredentialRecord, 'id' | 'createdAt'>>

type CredentialRow = {
  id: string
  name: string
  owner: string
  auth_type: string
  client_id: string | null
  scopes: string
  redirect_port: number
  base_url: string
  is_demo: number
  status: string
  authorized_person_id: string | null
  authorized_name: string | null
  authorized_email: string | null
  authorized_org_id: string | null
  authorized_org_name: string | null
  authorized_is_admin: number | null
  access_expires_at: string | null
  refresh_expires_at: string | null
  last_error: string | null
  created_at: string
  updated_at: string
}

const COLUMNS = `id, name, owner, auth_type, client_id, scopes, redirect_port, base_url, is_demo, status,
  authorized_person_id, authorized_name, authorized_email, authorized_org_id, authorized_org_name,
  authorized_is_admin, access_expires_at, refresh_expires_at, last_error, created_at, updated_at`

function toRecord(r: CredentialRow): CredentialRecord {
  const authorizedAs: AuthorizedIdentity | null =
    r.authorized_person_id === null
      ? null
      : {
          personId: r.authorized_person_id,
          displayName: r.authorized_name ?? '',
          email: r.authorized_email ?? '',
          orgId: r.authorized_org_id ?? '',
          orgName: r.authorized_org_name,
          isAdmin: r.authorized_is_admin === 1
        }
  return {
    id: r.id,
    name: r.name,
    owner: r.owner,
    authType: AuthType.parse(r.auth_type),
    clientId: r.client_id,
    scopes: r.scopes,
    redirectPort: r.redirect_port,
    baseUrl: r.base_url,
    isDemo: r.is_demo === 1,
    status: CredentialStatus.parse(r.status),
    authorizedAs,
    accessTokenExpiresAt: r.access_expires_at,
    refreshTokenExpiresAt: r.refresh_expires_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

function toRow(c: CredentialRecord): CredentialRow {
  const a = c.authorizedAs
  return {
    id: c.id,
    name: c.name,
    owner: c.owner,
    auth_type: c.authType,
    client_id: c.clientId,
    scopes: c.scopes,
    redirect_port: c.redirectPort,
    base_url: c.baseUrl,
    is_demo: c.isDemo ? 1 : 0,
    status: c.status,
    authorized_person_id: a?.personId ?? null,
    authorized_name: a?.displayName ?? null,
    authorized_email: a?.email ?? null,
    authorized_org_id: a?.orgId ?? null,
    authorized_org_name: a?.orgName ?? null,
    authorized_is_admin: a ? (a.isAdmin ? 1 : 0) : null,
    access_expires_at: c.accessTokenExpiresAt,
    refresh_expires_at: c.refreshTokenExpiresAt,
    last_error: c.lastError,
    created_at: c.createdAt,
    updated_at: c.updatedAt
  }
}

/** UNIQUE(name) and the primary key are the only constraints a caller can hit by choice. */
function mapWriteError(e: unknown, c: Pick<CredentialRecord, 'name'>): Error {
  const code = e instanceof Error && 'code' in e ? (e as { code: unknown }).code : null
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && /credentials\.name/.test((e as Error).message))
    return new AppError('CONFLICT', `A credential named "${c.name}" already exists.`, { cause: e })
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
    return new AppError('CONFLICT', 'A credential with this id already exists.', { cause: e })
  return mapSqliteError(e)
}

/** `{ name: undefined }` means "leave it", not "set it to undefined". */
const definedOnly = (patch: CredentialPatch): CredentialPatch =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))

export type CredentialsRepo = {
  list(): CredentialRecord[]
  get(id: string): CredentialRecord | null
  getByName(name: string): CredentialRecord | null
  insert(record: CredentialRecord): CredentialRecord
  /** Returns the updated record, or null when no credential has this id. */
  update(id: string, patch: CredentialPatch): CredentialRecord | null
  remove(id: string): boolean
}

export function createCredentialsRepo(db: Db, deps: { now?: () => Date } = {}): CredentialsRepo {
  const now = deps.now ?? (() => new Date())
  const all = db.prepare<[], CredentialRow>(
    `SELECT ${COLUMNS} FROM credentials ORDER BY name COLLATE NOCASE, id`
  )
  const byId = db.prepare<[string], CredentialRow>(
    `SELECT ${COLUMNS} FROM credentials WHERE id = ?`
  )
  // The column's NOCASE collation applies: "Prod" finds "prod".
  const byName = db.prepare<[string], CredentialRow>(
    `SELECT ${COLUMNS} FROM credentials WHERE name = ?`
  )
  const insertRow = db.prepare<CredentialRow>(
    `INSERT INTO credentials (${COLUMNS}) VALUES (@id, @name, @owner, @auth_type, @client_id, @scopes,
      @redirect_port, @base_url, @is_demo, @status, @authorized_person_id, @authorized_name,
      @authorized_email, @authorized_org_id, @authorized_org_name, @authorized_is_admin,
      @access_expires_at, @refresh_expires_at, @last_error, @created_at, @updated_at)`
  )
  const updateRow = db.prepare<CredentialRow>(
    `UPDATE credentials SET name = @name, owner = @owner, auth_type = @auth_type,
      client_id = @client_id, scopes = @scopes, redirect_port = @redirect_port, base_url = @base_url,
      is_demo = @is_demo, status = @status, authorized_person_id = @authorized_person_id,
      authorized_name = @authorized_name, authorized_email = @authorized_email,
      authorized_org_id = @authorized_org_id, authorized_org_name = @authorized_org_name,
      authorized_is_admin = @authorized_is_admin, access_expires_at = @access_expires_at,
      refresh_expires_at = @refresh_expires_at, last_error = @last_error, updated_at = @updated_at
     WHERE id = @id`
  )
  const deleteRow = db.prepare<[string]>('DELETE FROM credentials WHERE id = ?')

  const get = (id: string) => mapped(() => byId.get(id))

  return {
    list: () => mapped(() => all.all()).map(toRecord),
    get: (id) => {
      const row = get(id)
      return row ? toRecord(row) : null
    },
    getByName: (name) => {
      const row = mapped(() => byName.get(name))
      return row ? toRecord(row) : null
    },
    insert: (record) => {
      try {
        insertRow.run(toRow(record))
      } catch (e) {
        throw mapWriteError(e, record)
      }
      return record
    },
    update: (id, patch) => {
      try {
        return writeTransaction(db, () => {
          const row = byId.get(id)
          if (!row) return null
          const next: CredentialRecord = {
            ...toRecord(row),
            updatedAt: now().toISOString(),
            ...definedOnly(patch),
            id,
            createdAt: row.created_at
          }
          updateRow.run(toRow(next))
          return next
        })
      } catch (e) {
        throw mapWriteError(e, { name: patch.name ?? '' })
      }
    },
    remove: (id) => mapped(() => deleteRow.run(id).changes > 0)
  }
}
