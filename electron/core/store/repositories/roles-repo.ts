/** The defined roles list. Names are unique ignoring case. */
import { AppError } from '../../errors'
import type { Db } from '../db'
import { mapSqliteError } from '../errors'

export type RoleRow = { id: string; name: string; created_at: string }

const isUnique = (e: unknown) =>
  e instanceof Error && 'code' in e && (e as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'

export function createRolesRepo(db: Db) {
  const all = db.prepare<[], RoleRow>('SELECT * FROM roles ORDER BY name COLLATE NOCASE')
  const byId = db.prepare<[string], RoleRow>('SELECT * FROM roles WHERE id = ?')
  const insert = db.prepare<RoleRow>(
    'INSERT INTO roles (id, name, created_at) VALUES (@id, @name, @created_at)'
  )
  const rename = db.prepare<[string, string]>('UPDATE roles SET name = ? WHERE id = ?')
  const remove = db.prepare<[string]>('DELETE FROM roles WHERE id = ?')
  const conflict = (name: string, e: unknown) =>
    isUnique(e)
      ? new AppError('CONFLICT', `A role named "${name}" already exists.`, { cause: e })
      : mapSqliteError(e)
  return {
    list: () => all.all(),
    get: (id: string) => byId.get(id) ?? null,
    insert(row: RoleRow) {
      try {
        insert.run(row)
      } catch (e) {
        throw conflict(row.name, e)
      }
    },
    rename(id: string, name: string) {
      try {
        return rename.run(name, id).changes > 0
      } catch (e) {
        throw conflict(name, e)
      }
    },
    remove: (id: string) => remove.run(id).changes > 0
  }
}
export type RolesRepo = ReturnType<typeof createRolesRepo>
