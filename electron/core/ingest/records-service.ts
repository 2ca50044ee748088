/** People and SaaS user lists and details for the views (paged, sorted, filtered, searched in SQLite). */
import type { ListQuery } from '../../../shared/domain/list-query'
import type { z } from 'zod'
import { AppError } from '../errors'
import type { Db } from '../store/db'
import type { HistoryRepo } from '../store/repositories/history-repo'
import { personRecordOf, type PersonRow } from '../store/repositories/people-repo'
import {
  PEOPLE_TABLE,
  publicColumns,
  queryRecords,
  SAAS_TABLE
} from '../store/repositories/records-query'
import { saasRecordOf, type SaasUserRow } from '../store/repositories/saas-users-repo'

type Query = z.output<typeof ListQuery>

export function createRecordsService(d: { db: Db; history: HistoryRepo; now: () => Date }) {
  const personById = d.db.prepare<[string], PersonRow>('SELECT * FROM people WHERE id = ?')
  const saasById = d.db.prepare<[string], SaasUserRow>('SELECT * FROM saas_users WHERE id = ?')
  const saasByPerson = d.db.prepare<[string], SaasUserRow>(
    'SELECT * FROM saas_users WHERE person_id = ? ORDER BY seq LIMIT 1'
  )
  return {
    listPeople(q: Query) {
      const r = queryRecords<PersonRow>(d.db, PEOPLE_TABLE, q)
      return { rows: r.rows.map(personRecordOf), total: r.total }
    },
    getPerson(id: string) {
      const row = personById.get(id)
      if (!row) throw new AppError('NOT_FOUND', 'That person record no longer exists.')
      const saas = saasByPerson.get(id)
      return {
        person: personRecordOf(row),
        saasUser: saas ? saasRecordOf(saas, d.now()) : null,
        history: d.history.forRecord('person', id)
      }
    },
    peopleColumns: () => publicColumns(PEOPLE_TABLE),
    listSaasUsers(q: Query) {
      const r = queryRecords<SaasUserRow>(d.db, SAAS_TABLE, q)
      const now = d.now()
      return { rows: r.rows.map((s) => saasRecordOf(s, now)), total: r.total }
    },
    getSaasUser(id: string) {
      const row = saasById.get(id)
      if (!row) throw new AppError('NOT_FOUND', 'That SaaS user record no longer exists.')
      const person = row.person_id ? personById.get(row.person_id) : undefined
      return {
        saasUser: saasRecordOf(row, d.now()),
        person: person ? personRecordOf(person) : null,
        history: d.history.forRecord('saas-user', id)
      }
    },
    saasUserColumns: () => publicColumns(SAAS_TABLE)
  }
}
export type RecordsService = ReturnType<typeof createRecordsService>
