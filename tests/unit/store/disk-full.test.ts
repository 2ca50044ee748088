import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/core/errors'
import { openDatabase } from '../../../electron/core/store/db'
import { DiskFullError, mapSqliteError } from '../../../electron/core/store/errors'
import { createAuditRepo } from '../../../electron/core/store/repositories/audit-repo'
import { writeTransaction } from '../../../electron/core/store/transaction'
import { useTempDir } from '../../support/store-fixtures'

const dir = useTempDir()

describe('disk full (F4)', () => {
  it('a transaction that overflows rolls back, earlier data stays, the error is DiskFullError', () => {
    const db = openDatabase(join(dir(), 'roster.db'))
    try {
      const audit = createAuditRepo(db)
      writeTransaction(db, () => {
        for (let i = 0; i < 10; i++) audit.append({ actor: 't', action: 'before', detail: { i } })
      })
      // max_page_count is per connection: the file cannot grow past a few more pages.
      const pages = db.pragma('page_count', { simple: true }) as number
      db.pragma(`max_page_count = ${pages + 2}`)

      let err: unknown
      try {
        writeTransaction(db, () => {
          for (let i = 0; i < 500; i++)
            audit.append({ actor: 't', action: 'overflow', detail: 'x'.repeat(2000) })
        })
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(DiskFullError)
      expect(err).toBeInstanceOf(AppError)
      expect((err as AppError).code).toBe('DISK_FULL')
      const rows = audit.listRecent(1000)
      expect(rows).toHaveLength(10)
      expect(rows.every((r) => r.action === 'before')).toBe(true)

      // Once there is room again, writes work (no stuck state).
      db.pragma('max_page_count = 1073741823')
      audit.append({ actor: 't', action: 'after' })
      expect(audit.listRecent(1)[0]?.action).toBe('after')
    } finally {
      db.close()
    }
  })

  it('a durable single append that overflows is mapped too', () => {
    const db = openDatabase(join(dir(), 'roster.db'))
    try {
      const audit = createAuditRepo(db)
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`)
      expect(() => audit.append({ actor: 't', action: 'x', detail: 'y'.repeat(100_000) })).toThrow(
        DiskFullError
      )
      expect(db.pragma('synchronous', { simple: true })).toBe(1)
    } finally {
      db.close()
    }
  })

  it('mapSqliteError leaves other errors alone and keeps AppErrors', () => {
    const app = new AppError('NOT_FOUND', 'x')
    expect(mapSqliteError(app)).toBe(app)
    const plain = new Error('plain')
    expect(mapSqliteError(plain)).toBe(plain)
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    expect(mapSqliteError(busy)).toMatchObject({ code: 'DATABASE_ERROR' })
  })
})
