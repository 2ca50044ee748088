/**
 * The choices of the sync-key pickers (integration form and mapping studio): the built-in keys, then
 * the unique custom person fields by label. A key that is no longer usable (its field was deleted or
 * is not unique) stays listed, marked, so the picker shows what is saved. Pure.
 */
import {
  SYNC_KEY_FIELDS,
  SyncKeyField,
  type SyncKeyCustomField
} from '../../../../shared/domain/integration'
import { SYNC_KEY_LABELS } from './labels'

/** A picker choice (SelectField's Option; kept here so the model stays free of components). */
export type SyncKeyOption = { value: string; label: string }

export function syncKeyOptions(
  fields: readonly SyncKeyCustomField[],
  current: readonly (string | null)[] = []
): SyncKeyOption[] {
  const builtIn = SYNC_KEY_FIELDS.map((k) => ({ value: k, label: SYNC_KEY_LABELS[k] }))
  const custom = fields
    .filter((f) => f.record === 'person' && f.unique)
    .map((f) => ({ value: `custom.${f.key}`, label: f.label }))
    .sort((a, b) => a.label.localeCompare(b.label))
  const offered = new Set([...builtIn, ...custom].map((o) => o.value))
  const stale = [...new Set(current)]
    .filter((k): k is string => k !== null && k !== '' && !offered.has(k))
    .map((k) => {
      const key = k.startsWith('custom.') ? k.slice('custom.'.length) : k
      const f = fields.find((x) => x.key === key && x.record === 'person')
      return {
        value: k,
        label: f ? `${f.label} (not a unique field)` : `${key} (field no longer exists)`
      }
    })
  return [...builtIn, ...custom, ...stale]
}

/** The picker's value as a sync key: '' (none) and anything that is not a key become null. */
export function asSyncKey(v: string): SyncKeyField | null {
  const parsed = SyncKeyField.safeParse(v)
  return parsed.success ? parsed.data : null
}
