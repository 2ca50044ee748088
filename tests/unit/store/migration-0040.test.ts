/**
 * v30 → v40 on a real file: SaaS user rows are kept, start with no custom values, and keep their
 * values hash (an upgraded store is not rewritten by its next sync).
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/store/migrations'
import {
  saasValuesOf,
  type SaasUserRow
} from '../../../electron/core/store/repositories/saas-users-repo'
import { hashSaasValues } from '../../../electron/core/sync/record-values'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()
const V30 = MIGRATIONS.filter((m) => m.version <= 30)

it('adds saas_users.custom_json to a v30 store, keeping rows and their hashes', () => {
  expect(V30.at(-1)?.version).toBe(30)
  const file = join(dir(), 'roster.db')
  const old = openDatabase(file, { migrations: V30 })
  // A row as a v30 build wrote it, with the hash of that build's formula.
  const v30Hash = hashSaasValues({
    webexId: 'wx-1',
    email: 'ann@example.com',
    displayName: 'Ann Lee',
    roles: ['Admin'],
    status: 'active',
    lastActivity: null,
    licenses: [],
    invitePending: null,
    loginEnabled: true,
    type: 'person',
    custom: {}
  })
  old
    .prepare(
      `INSERT INTO saas_users (id, webex_id, email, display_name, roles_json, status, login_enabled,
         type, values_hash, created_at, updated_at)
       VALUES ('s1', 'wx-1', 'ann@example.com', 'Ann Lee', '["Admin"]', 'active', 1, 'person', ?,
         '2026-01-01', '2026-01-01')`
    )
    .run(v30Hash)
  old.close()

  const db = openDatabase(file)
  // Opened with every migration: 0040 and the later ones (0050 leaves created_run_id empty).
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
  const rows = db.prepare('SELECT * FROM saas_users').all() as SaasUserRow[]
  db.close()
  expect(rows).toHaveLength(1)
  const row = rows[0]!
  expect(row).toMatchObject({
    id: 's1',
    email: 'ann@example.com',
    custom_json: '{}',
    created_run_id: null
  })
  expect(saasValuesOf(row).custom).toEqual({})
  expect(hashSaasValues(saasValuesOf(row))).toBe(row.values_hash)
})
