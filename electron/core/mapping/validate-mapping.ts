/**
 * Checks a mapping before it is saved, in plain words per target field: the mandatory mappings (Webex
 * Email → Username and Email; a Role), targets that do not exist or cannot be mapped, and values that
 * will not fit the target's type (a list into a number field without a transform, a text into a date
 * field...). Pure: the shapes come from the source list (documented or seen in samples).
 */
import type { TargetField } from '../../../shared/domain/custom-field'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import type { SyncKeys } from '../../../shared/domain/integration'
import type { Mapping, MappingEntry } from '../../../shared/domain/mapping'
import { parseExpression } from '../../../shared/domain/mapping-expression'
import type { ValidationIssue, ValueShape } from '../../../shared/domain/mapping-studio'
import { transformChain } from './transforms'

export type ValidateArgs = {
  mapping: Mapping
  targets: readonly TargetField[]
  /** Shape of each source key (documented or from samples); unknown sources count as text. */
  shapes: ReadonlyMap<string, ValueShape>
  roles?: readonly string[]
  syncKeys?: SyncKeys
  filters?: readonly AnyIngestFilter[]
}

const SHAPE_WORDS: Record<ValueShape, string> = {
  text: 'text',
  email: 'an email address',
  phone: 'a phone number',
  url: 'a link',
  number: 'a number',
  boolean: 'a yes/no value',
  'date-time': 'a date',
  id: 'an ID',
  list: 'a list',
  object: 'a group of values',
  empty: 'nothing'
}

/** The shape after the transform chain (what the target will receive). */
function shapeAfter(e: MappingEntry, shape: ValueShape): ValueShape {
  let s = shape
  for (const t of transformChain(e)) {
    if (t.kind === 'default') s = s === 'empty' ? 'text' : s
    else if (t.kind === 'constant') s = /^\d+(\.\d+)?$/.test(t.value) ? 'number' : 'text'
    else if (t.kind === 'join') s = 'text'
    else if (t.kind === 'first') s = s === 'list' ? 'text' : s
    else if (t.kind === 'date') s = 'date-time'
    else if (t.kind === 'role-names' || t.kind === 'license-names') s = 'list'
  }
  return s
}

function sourceLabel(e: MappingEntry): string {
  if (e.sourceName) return e.sourceName
  if (e.source === 'constant') return 'the constant'
  return e.source.startsWith('$') || e.source.includes('{{') ? e.source : `Webex ${e.source}`
}

export function validateMapping(a: ValidateArgs): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  const add = (field: string, message: string, severity: ValidationIssue['severity'] = 'error') =>
    issues.push({ field, message, severity })
  const targets = new Map(a.targets.map((t) => [t.key, t]))
  const has = (source: string, target: string) =>
    a.mapping.some((e) => e.source === source && e.target === target)

  if (!has('email', 'username')) add('username', 'Map Webex Email to Username (mandatory).')
  if (!has('email', 'email')) add('email', 'Map Webex Email to Email (mandatory).')
  const roles = a.mapping.filter((e) => e.target === 'role')
  if (roles.length === 0) add('role', 'Choose a Role (mandatory).')
  for (const r of roles) {
    const value = transformChain(r).find((t) => t.kind === 'constant')
    if (r.source === 'constant' && !value) add('role', 'Choose a Role (mandatory).')
    else if (value?.kind === 'constant' && a.roles && !a.roles.includes(value.value))
      add('role', `Role "${value.value}" is not in the roles list.`)
  }

  const seen = new Map<string, number>()
  for (const e of a.mapping) seen.set(e.target, (seen.get(e.target) ?? 0) + 1)
  for (const [target, n] of seen)
    if (n > 1)
      add(target, `${n} sources are mapped to this field; only the last one is kept.`, 'warning')

  for (const e of a.mapping) {
    const t = targets.get(e.target)
    if (!t) {
      add(e.target, `The field ${e.target} does not exist (was it deleted?).`)
      continue
    }
    if (!t.mappable || (t.key === 'syncTime' && e.source !== 'syncTime')) {
      add(e.target, `${t.label} is filled by the sync itself and cannot be mapped.`)
      continue
    }
    if (e.source !== 'constant' && (e.source.startsWith('$') || e.source.includes('{{'))) {
      const parsed = parseExpression(e.source)
      if (!parsed.ok) {
        add(e.target, `The custom API field has an error: ${parsed.error.message}.`)
        continue
      }
    }
    const shape = shapeAfter(
      e,
      a.shapes.get(e.source) ?? (e.source === 'constant' ? 'empty' : 'text')
    )
    const from = `${sourceLabel(e)} gives ${SHAPE_WORDS[shape]}`
    switch (t.type) {
      case 'number':
        if (shape === 'list')
          add(t.key, `${from}: add a "first" transform, a number field holds one number.`)
        else if (!['number', 'empty'].includes(shape))
          add(t.key, `${from}, which will not fit the number field ${t.label}.`)
        break
      case 'date':
      case 'date-time':
        if (shape === 'list')
          add(t.key, `${from}: add a "first" transform, a date field holds one date.`)
        else if (!['date-time', 'empty'].includes(shape))
          add(t.key, `${from}, which is not a date: ${t.label} would stay empty.`)
        break
      case 'boolean':
        if (!['boolean', 'empty'].includes(shape))
          add(t.key, `${from}, which is not a yes/no value: ${t.label} would be "no".`, 'warning')
        break
      case 'choice':
        if (shape === 'list')
          add(t.key, `${from}: add a "first" or "join" transform for the choice field.`)
        break
      default:
        if (shape === 'list' || shape === 'object')
          add(
            t.key,
            `${from}: it will be stored as text; add a "join" or "first" transform to choose how.`,
            'warning'
          )
    }
  }

  if (a.syncKeys) {
    if (!a.syncKeys.primary) add('syncKeys', 'Choose a sync key.')
    if (a.syncKeys.primary && a.syncKeys.primary === a.syncKeys.secondary)
      add('syncKeys', 'The secondary sync key is the same as the primary one.', 'warning')
    for (const [which, key] of [
      ['primary', a.syncKeys.primary],
      ['secondary', a.syncKeys.secondary]
    ] as const) {
      if (!key) continue
      const t = targets.get(key)
      if (!t) add('syncKeys', `The ${which} sync key names a field that does not exist (${key}).`)
      else if (!t.unique || t.record !== 'person')
        add('syncKeys', `${t.label} is not a unique field, so it cannot be the ${which} sync key.`)
      // The Webex ID is kept by the sync itself; other keys need a mapping to have a value.
      else if (key !== 'webexId' && !a.mapping.some((e) => e.target === key))
        add('syncKeys', `Nothing is mapped to ${t.label}, so the ${which} sync key has no value.`)
    }
  }
  for (const f of a.filters ?? [])
    if ('kind' in f)
      for (const c of f.conditions)
        if (c.field !== 'emailDomain' && (c.field.startsWith('$') || c.field.includes('{{'))) {
          const parsed = parseExpression(c.field)
          if (!parsed.ok) add('filters', `Filter ${f.name}: ${parsed.error.message}.`)
        }
  return issues
}
