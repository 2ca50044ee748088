import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../electron/core/store/db'
import { createAppMetaRepo } from '../../../electron/core/store/repositories/app-meta-repo'
import { createAuditRepo } from '../../../electron/core/store/repositories/audit-repo'
import {
  createCredentialsRepo,
  type CredentialRecord
} from '../../../electron/core/store/repositories/credentials-repo'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()

function withDb(fn: (db: Db) => void) {
  const db = openDatabase(join(dir(), 'roster.db'))
  try {
    fn(db)
  } finally {
    db.close()
  }
}

const record = (over: Partial<CredentialRecord> = {}): CredentialRecord => ({
  id: 'c1',
  name: 'Production',
  owner: 'Ops',
  authType: 'oauth',
  clientId: 'client-1',
  scopes: 'spark:people_read',
  redirectPort: 8765,
  baseUrl: 'https://webexapis.com/v1',
  isDemo: false,
  status: 'not-authorized',
  authorizedAs: null,
  accessTokenExpiresAt: null,
  refreshTokenExpiresAt: null,
  lastError: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over
})

describe('credentials repository', () => {
  it('inserts, reads back in camelCase, lists by name, finds by name without case', () => {
    withDb((db) => {
      const repo = createCredentialsRepo(db)
      repo.insert(record())
      repo.insert(record({ id: 'c2', name: 'alpha', authType: 'token', clientId: null }))
      expect(repo.get('c1')).toEqual(record())
      expect(repo.get('missing')).toBeNull()
      expect(repo.list().map((c) => c.id)).toEqual(['c2', 'c1'])
      expect(repo.getByName('PRODUCTION')?.id).toBe('c1')
      expect(repo.getByName('nope')).toBeNull()
    })
  })

  it('update merges a patch, keeps id and createdAt, stamps updatedAt, round-trips the identity', () => {
    withDb((db) => {
      const repo = createCredentialsRepo(db, { now: () => new Date('2025-06-01T12:00:00.000Z') })
      repo.insert(record())
      const identity = {
        personId: 'p1',
        displayName: 'Ada Admin',
        email: 'ada@example.com',
        orgId: 'o1',
        orgName: null,
        isAdmin: true
      }
      const updated = repo.update('c1', {
        status: 'authorized',
        authorizedAs: identity,
        accessTokenExpiresAt: '2025-06-15T00:00:00.000Z',
        owner: undefined
      })
      expect(updated).toMatchObject({
        id: 'c1',
        owner: 'Ops',
        status: 'authorized',
        authorizedAs: identity,
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-06-01T12:00:00.000Z'
      })
      expect(repo.get('c1')).toEqual(updated)
      expect(repo.update('missing', { name: 'x' })).toBeNull()
      expect(repo.update('c1', { authorizedAs: null })?.authorizedAs).toBeNull()
    })
  })

  it('a name already used (any case) is a CONFLICT, on insert and on rename', () => {
    withDb((db) => {
      const repo = createCredentialsRepo(db)
      repo.insert(record())
      repo.insert(record({ id: 'c2', name: 'Staging' }))
      expect(() => repo.insert(record({ id: 'c3', name: 'production' }))).toThrow(
        /A credential named "production" already exists/
      )
      expect(() => repo.insert(record({ id: 'c3', name: 'production' }))).toThrow(
        expect.objectContaining({ code: 'CONFLICT' })
      )
      expect(() => repo.insert(record({ name: 'Other' }))).toThrow(
        expect.objectContaining({ code: 'CONFLICT' })
      )
      expect(() => repo.update('c2', { name: 'PRODUCTION' })).toThrow(
        expect.objectContaining({ code: 'CONFLICT' })
      )
      expect(repo.get('c2')?.name).toBe('Staging')
    })
  })

  it('remove deletes once', () => {
    withDb((db) => {
      const repo = createCredentialsRepo(db)
      repo.insert(record())
      expect(repo.remove('c1')).toBe(true)
      expect(repo.remove('c1')).toBe(false)
      expect(repo.list()).toEqual([])
    })
  })

  it('has no column that could hold a secret (S14)', () => {
    withDb((db) => {
      const cols = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('credentials')
      expect(cols.length).toBeGreaterThan(10)
      for (const c of cols as string[]) expect(c).not.toMatch(/secret|token|password/i)
    })
  })

  it('STRICT and CHECK constraints reject bad rows', () => {
    withDb((db) => {
      const repo = createCredentialsRepo(db)
      // Casts simulate a caller that bypassed the types.
      expect(() => repo.insert(record({ authType: 'basic' as 'oauth' }))).toThrow(/CHECK/)
      expect(() => repo.insert(record({ redirectPort: 'x' as unknown as number }))).toThrow()
    })
  })
})

describe('app meta repository', () => {
  it('gets, sets (upsert) and removes', () => {
    withDb((db) => {
      const meta = createAppMetaRepo(db)
      expect(meta.get('k')).toBeNull()
      meta.set('k', 'v1')
      meta.set('k', 'v2')
      expect(meta.get('k')).toBe('v2')
      expect(meta.remove('k')).toBe(true)
      expect(meta.get('k')).toBeNull()
    })
  })
})

describe('audit repository', () => {
  it('appends in order, lists newest first, redacts secrets in detail', () => {
    withDb((db) => {
      const audit = createAuditRepo(db, { now: () => new Date('2025-01-01T00:00:00.000Z') })
      audit.append({ actor: 'admin', action: 'credential.create', subject: 'c1' })
      const id = audit.append({
        actor: 'admin',
        action: 'credential.update',
        subject: 'c1',
        detail: { field: 'clientSecret', client_secret: 'shh-do-not-store', note: 'Bearer abc.def' }
      })
      const [latest, first] = audit.listRecent(10)
      expect(latest?.id).toBe(id)
      expect(first?.action).toBe('credential.create')
      expect(first?.detail).toBeNull()
      expect(latest?.at).toBe('2025-01-01T00:00:00.000Z')
      expect(latest?.detail).not.toContain('shh-do-not-store')
      expect(latest?.detail).not.toContain('abc.def')
      expect(JSON.parse(latest!.detail!)).toMatchObject({ field: 'clientSecret' })
      expect(audit.listRecent(1)).toHaveLength(1)
    })
  })

  it('inside an outer transaction the row commits or rolls back with it', () => {
    withDb((db) => {
      const audit = createAuditRepo(db)
      expect(() =>
        db.transaction(() => {
          audit.append({ actor: 'a', action: 'x' })
          throw new Error('abort')
        })()
      ).toThrow('abort')
      expect(audit.listRecent()).toEqual([])
    })
  })
})
