/**
 * v40: custom SaaS user fields become mappable (issue 5). Their values live in `saas_users.custom_json`
 * under the field's stable key, like `people.custom_json` (0020). Existing rows start with no custom
 * values, which keeps their values hash (hashSaasValues leaves an empty `custom` out).
 */
import type { Migration } from './types'

export const m0040SaasCustom: Migration = {
  version: 40,
  name: 'saas-custom',
  up: (db) => {
    db.exec(`ALTER TABLE saas_users ADD COLUMN custom_json TEXT NOT NULL DEFAULT '{}'`)
  }
}
