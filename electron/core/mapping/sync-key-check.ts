/**
 * Checks the chosen sync keys: only unique fields, mapped, and — on the last read — warns when people
 * share a value (they would match the same record) or have none (they cannot be matched by it). Pure.
 */
import type { TargetField } from '../../../shared/domain/custom-field'
import type { SyncKeys } from '../../../shared/domain/integration'
import type { Mapping } from '../../../shared/domain/mapping'
import type { SyncKeyCheck, SyncKeyWarning } from '../../../shared/domain/mapping-studio'
import { textValue } from './coerce'
import type { LastReadPerson } from './last-read'
import { entryValue, type MapContext } from './map-values'

export type SyncKeyArgs = {
  mapping: Mapping
  syncKeys: SyncKeys
  targets: readonly TargetField[]
  people: readonly LastReadPerson[]
  ctx: MapContext
}

const EXAMPLES = 5

export function checkSyncKeys(a: SyncKeyArgs): SyncKeyCheck {
  const warnings: SyncKeyWarning[] = []
  const targets = new Map(a.targets.map((t) => [t.key, t]))
  const keys = [
    ['primary', a.syncKeys.primary],
    ['secondary', a.syncKeys.secondary]
  ] as const
  for (const [which, key] of keys) {
    if (!key) continue
    const t = targets.get(key)
    const label = t?.label ?? key
    const warn = (
      kind: SyncKeyWarning['kind'],
      message: string,
      count = 0,
      examples: string[] = []
    ) => warnings.push({ key, which, kind, message, count, examples })
    if (!t || !t.unique) {
      warn('not-unique-field', `${label} is not a unique field, so it cannot be a sync key.`)
      continue
    }
    // The Webex ID is always kept by the sync, whatever the mapping says.
    const entry = [...a.mapping].reverse().find((e) => e.target === key)
    if (key !== 'webexId' && !entry) {
      warn('not-mapped', `Nothing is mapped to ${label}, so the ${which} sync key has no value.`)
      continue
    }
    const byValue = new Map<string, string[]>()
    const empty: string[] = []
    for (const p of a.people) {
      const v = entry ? textValue(entryValue(p.person, p.raw, entry, a.ctx)) : p.person.id
      const who = p.person.emails?.[0] ?? p.person.displayName ?? p.person.id
      if (v === null || v.trim() === '') {
        empty.push(who)
        continue
      }
      const k = v.trim().toLowerCase()
      const list = byValue.get(k)
      if (list) list.push(who)
      else byValue.set(k, [who])
    }
    if (empty.length > 0)
      warn(
        'empty',
        `${empty.length} ${empty.length === 1 ? 'person has' : 'people have'} no ${label}: the ${which} key cannot match them.`,
        empty.length,
        empty.slice(0, EXAMPLES)
      )
    const dups = [...byValue.entries()].filter(([, who]) => who.length > 1)
    if (dups.length > 0) {
      const people = dups.reduce((n, [, who]) => n + who.length, 0)
      warn(
        'duplicates',
        `${people} people share ${dups.length} ${label} ${dups.length === 1 ? 'value' : 'values'}: they would match the same record.`,
        people,
        dups.slice(0, EXAMPLES).map(([v]) => v)
      )
    }
  }
  return { ok: warnings.length === 0, checked: a.people.length, warnings }
}
