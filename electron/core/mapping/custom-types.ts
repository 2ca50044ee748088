/** Custom person field types by key, for typed values (`custom.<key>` targets). */
import type { CustomField, CustomFieldType } from '../../../shared/domain/custom-field'
import type { Db } from '../store/db'
import { createCustomFieldsRepo } from '../store/repositories/custom-fields-repo'

export const customTypesOf = (fields: readonly CustomField[]): Map<string, CustomFieldType> =>
  new Map(fields.filter((f) => f.record === 'person').map((f) => [f.key, f.type]))

/** Read once per run (and per impact preview), so a sync and its preview type values alike. */
export const loadCustomTypes = (db: Db) => customTypesOf(createCustomFieldsRepo(db).list())
