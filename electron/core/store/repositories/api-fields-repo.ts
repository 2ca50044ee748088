/** The admin's custom API fields (0030): named paths/templates over the raw Webex person. */
import type { ApiField } from '../../../../shared/domain/mapping-studio'
import { AppError } from '../../errors'
import type { Db } from '../db'
import { mapSqliteError } from '../errors'

type Row = { id: string; name: string; expression: string; created_at: string; updated_at: string }

const toField = (r: Row): ApiField => ({
  id: r.id,
  name: r.name,
  expression: r.expression,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})
const toRow = (f: ApiField): Row => ({
  id: f.id,
  name: f.name,
  expression: f.expression,
  created_at: f.createdAt,
  updated_at: f.updatedAt
})

export function createApiFieldsRepo(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM api_fields ORDER BY name COLLATE NOCASE')
  const byId = db.prepare<[string], Row>('SELECT * FROM api_fields WHERE id = ?')
  const upsert = db.prepare<Row>(
    `INSERT INTO api_fields (id, name, expression, created_at, updated_at)
     VALUES (@id, @name, @expression, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, expression = excluded.expression,
       updated_at = excluded.updated_at`
  )
  const remove = db.prepare<[string]>('DELETE FROM api_fields WHERE id = ?')
  return {
    list: () => all.all().map(toField),
    get: (id: string) => {
      const r = byId.get(id)
      return r ? toField(r) : null
    },
    save(f: ApiField) {
      try {
        upsert.run(toRow(f))
      } catch (e) {
        if (e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_CONSTRAINT'))
          throw new AppError('CONFLICT', `A custom API field named "${f.name}" already exists.`, {
            cause: e
          })
        throw mapSqliteError(e)
      }
    },
    remove: (id: string) => remove.run(id).changes > 0
  }
}
export type ApiFieldsRepo = ReturnType<typeof createApiFieldsRepo>
