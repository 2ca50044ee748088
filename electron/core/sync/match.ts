/**
 * Matching and deciding for one page: the Webex person ID first (so a changed email is an update,
 * not a duplicate), then the sync keys; then the preference; then the field-level diff. Reads the store
 * in a few batched queries per page; writes nothing.
 */
import { randomUUID } from 'node:crypto'
import type {
  IngestFilter,
  Preference,
  RecordScope,
  SyncKeys
} from '../../../shared/domain/integration'
import type { Mapping } from '../../../shared/domain/mapping'
import type { FieldDiff } from '../../../shared/domain/plan'
import type { PeopleRepo, StoredPerson } from '../store/repositories/people-repo'
import type { SaasUsersRepo, StoredSaasUser } from '../store/repositories/saas-users-repo'
import type { Person } from '../webex/schemas'
import { filterOutReason } from './filters'
import { mapPerson, mapSaasUser } from './map-person'
import {
  hashPersonValues,
  hashSaasValues,
  PERSON_VALUE_KEYS,
  SAAS_VALUE_KEYS,
  valueText,
  type PersonValues,
  type SaasValues
} from './record-values'
import type { RecordPlan } from './record-plan'

export type DecideConfig = {
  mapping: Mapping
  filters: readonly IngestFilter[]
  syncKeys: SyncKeys
  preference: Preference
  scope: RecordScope
  names: { roles: ReadonlyMap<string, string>; licenses: ReadonlyMap<string, string> }
  syncTime: string
}

export type DecideStore = { people: PeopleRepo; saas: SaasUsersRepo }

const KEY_LABEL = { email: 'Email', username: 'Username', webexId: 'Webex ID' } as const

export function personDiff(old: PersonValues, next: PersonValues): FieldDiff[] {
  const diff: FieldDiff[] = []
  for (const k of PERSON_VALUE_KEYS) {
    const a = valueText(old[k])
    const b = valueText(next[k])
    if (a !== b) diff.push({ field: `person.${k}`, old: a, new: b })
  }
  const keys = new Set([...Object.keys(old.custom), ...Object.keys(next.custom)])
  for (const k of [...keys].sort()) {
    const a = valueText(old.custom[k])
    const b = valueText(next.custom[k])
    if (a !== b) diff.push({ field: `person.custom.${k}`, old: a, new: b })
  }
  return diff
}

export function saasDiff(old: SaasValues, next: SaasValues): FieldDiff[] {
  const diff: FieldDiff[] = []
  for (const k of SAAS_VALUE_KEYS) {
    const a = valueText(old[k])
    const b = valueText(next[k])
    if (a !== b) diff.push({ field: `saas.${k}`, old: a, new: b })
  }
  return diff
}

const keyValue = (v: PersonValues, field: 'email' | 'username' | 'webexId') =>
  field === 'webexId' ? v.webexId : v[field]

export function decidePage(
  people: readonly Person[],
  rawById: ReadonlyMap<string, unknown>,
  cfg: DecideConfig,
  store: DecideStore
): RecordPlan[] {
  const mapped = people.map((p) => ({
    p,
    values: mapPerson(p, rawById.get(p.id), cfg.mapping, cfg.syncTime)
  }))
  const byWebexId = new Map(
    store.people.findByWebexIds(people.map((p) => p.id)).map((s) => [s.values.webexId, s])
  )
  const saasById =
    cfg.scope === 'user-and-saas'
      ? new Map(
          store.saas.findByWebexIds(people.map((p) => p.id)).map((s) => [s.values.webexId, s])
        )
      : new Map<string, StoredSaasUser>()

  // Sync-key lookups for people not matched by Webex ID, one query per key field.
  const byKey = new Map<string, Map<string, StoredPerson>>()
  for (const field of [cfg.syncKeys.primary, cfg.syncKeys.secondary]) {
    if (!field || field === 'webexId' || byKey.has(field)) continue
    const wanted = mapped
      .filter((m) => !byWebexId.has(m.p.id))
      .map((m) => keyValue(m.values, field))
      .filter((v): v is string => v !== null)
    const found = new Map<string, StoredPerson>()
    for (const s of store.people.findByKey(field, wanted)) {
      const k = keyValue(s.values, field)
      if (k !== null && !found.has(k.toLowerCase())) found.set(k.toLowerCase(), s)
    }
    byKey.set(field, found)
  }

  return mapped.map(({ p, values }) => {
    const base = {
      webexId: p.id,
      email: values.email ?? p.emails?.[0] ?? null,
      displayName: p.displayName ?? null
    }
    const skip = (reason: string): RecordPlan => ({
      ...base,
      action: 'skip',
      reason,
      person: null,
      saas: null,
      diff: []
    })
    const filtered = filterOutReason(p, cfg.filters)
    if (filtered) return skip(filtered)

    let match: StoredPerson | undefined = byWebexId.get(p.id)
    let matchedBy = match ? 'Matched by Webex ID' : null
    for (const field of [cfg.syncKeys.primary, cfg.syncKeys.secondary]) {
      if (match || !field) continue
      const k = keyValue(values, field)
      if (k === null) continue
      const found = field === 'webexId' ? undefined : byKey.get(field)?.get(k.toLowerCase())
      if (!found) continue
      if (found.values.webexId !== null && found.values.webexId !== p.id)
        return skip(
          `${KEY_LABEL[field]} ${k} already belongs to another Webex person (${found.values.webexId})`
        )
      match = found
      matchedBy = `Matched by ${KEY_LABEL[field]}`
    }
    const primary = cfg.syncKeys.primary
    if (!match && primary && keyValue(values, primary) === null)
      return skip(`No ${KEY_LABEL[primary]} in Webex, so the sync key has no value`)

    const hash = hashPersonValues(values)
    const existingSaas = saasById.get(p.id)
    const saasValues = cfg.scope === 'user-and-saas' ? mapSaasUser(p, cfg.names) : null
    const saasHash = saasValues ? hashSaasValues(saasValues) : ''

    if (!match) {
      if (cfg.preference === 'update-only')
        return skip(`Update only: no existing record matches ${base.email ?? p.id}`)
      const personId = randomUUID()
      return {
        ...base,
        action: 'create',
        reason: null,
        person: { op: 'insert', id: personId, values, hash, old: null },
        saas: saasValues
          ? existingSaas
            ? {
                op: 'update',
                id: existingSaas.id,
                values: saasValues,
                hash: saasHash,
                old: existingSaas.values,
                personId
              }
            : {
                op: 'insert',
                id: randomUUID(),
                values: saasValues,
                hash: saasHash,
                old: null,
                personId
              }
          : null,
        diff: []
      }
    }

    const personChanged = match.hash !== hash
    const saasChanged =
      saasValues !== null &&
      (!existingSaas ||
        existingSaas.hash !== saasHash ||
        existingSaas.notInWebex ||
        existingSaas.personId !== match.id)
    if (!personChanged && !saasChanged)
      return { ...base, action: 'unchanged', reason: matchedBy, person: null, saas: null, diff: [] }
    if (cfg.preference === 'create-only')
      return skip('Create only: the record exists and is not updated')

    const diff = personChanged ? personDiff(match.values, values) : []
    let saas: RecordPlan['saas'] = null
    if (saasValues && saasChanged) {
      if (existingSaas) {
        diff.push(...saasDiff(existingSaas.values, saasValues))
        if (existingSaas.notInWebex)
          diff.push({ field: 'saas.notInWebex', old: 'true', new: 'false' })
        saas = {
          op: 'update',
          id: existingSaas.id,
          values: saasValues,
          hash: saasHash,
          old: existingSaas.values,
          personId: match.id
        }
      } else {
        diff.push({ field: 'saas', old: null, new: 'created' })
        saas = {
          op: 'insert',
          id: randomUUID(),
          values: saasValues,
          hash: saasHash,
          old: null,
          personId: match.id
        }
      }
    }
    return {
      ...base,
      action: 'update',
      reason: matchedBy,
      person: personChanged
        ? { op: 'update', id: match.id, values, hash, old: match.values }
        : null,
      saas,
      diff
    }
  })
}
