/**
 * Custom field types by key, for typed values (`custom.<key>` and `saas.custom.<key>` targets), and
 * person field labels for reasons. Keys are unique across person and SaaS user fields
 * (custom_fields.key is the primary key).
 */
import type { CustomField, CustomFieldType } from '../../../shared/domain/custom-field'
import type { Db } from '../store/db'
import { createCustomFieldsRepo } from '../store/repositories/custom-fields-repo'

export const customTypesOf = (fields: readonly CustomField[]): Map<string, CustomFieldType> =>
  new Map(fields.map((f) => [f.key, f.type]))

/** Labels name a custom sync key in skip reasons ("No Employee number in Webex ..."). */
export const customLabelsOf = (fields: readonly CustomField[]): Map<string, string> =>
  new Map(fields.filter((f) => f.record === 'person').map((f) => [f.key, f.label]))

/** Read once per run (and per impact preview), so a sync and its preview type values alike. */
export const loadCustomFields = (db: Db) => createCustomFieldsRepo(db).list()
export const loadCustomTypes = (db: Db) => customTypesOf(loadCustomFields(db))
