/**
 * Schema guard: a fresh database migrated to the latest version must match the committed snapshot.
 * Changing a migration (or adding one) without updating __snapshots__/schema.sql fails here; update
 * it deliberately with `npx vitest run tests/unit/store/schema-snapshot.test.ts -u` and review the diff.
 */
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/store/db'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()

it('the migrated schema matches the committed snapshot', async () => {
  const db = openDatabase(join(dir(), 'roster.db'))
  const version = db.pragma('user_version', { simple: true }) as number
  const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all() as {
    type: string
    name: string
    sql: string | null
  }[]
  db.close()
  const dump = [
    `-- user_version = ${version}`,
    // Automatic indexes (UNIQUE, PRIMARY KEY on TEXT) have no SQL but are part of the schema.
    ...rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql === null ? '-- (automatic)' : `${r.sql};`}`)
  ].join('\n\n')
  await expect(dump + '\n').toMatchFileSnapshot('./__snapshots__/schema.sql')
})
