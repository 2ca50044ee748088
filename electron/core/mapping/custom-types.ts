/**
 * Custom field types by key, for typed values (`custom.<key>` and `saas.custom.<key>` targets). Keys
 * are unique across person and SaaS user fields (custom_fields.key is the primary key).
 */
import type { CustomField, CustomFieldType } from '../../../shared/domain/custom-field'
import type { Db } from '../store/db'
import { createCustomFieldsRepo } from '../store/repositories/custom-fields-repo'

export const customTypesOf = (fields: readonly CustomField[]): Map<string, CustomFieldType> =>
  new Map(fields.map((f) => [f.key, f.type]))

/** Read once per run (and per impact preview), so a sync and its preview type values alike. */
export const loadCustomTypes = (db: Db) => customTypesOf(createCustomFieldsRepo(db).list())
