/**
 * Matching and deciding for one page: the Webex person ID first (so a changed email is an update,
 * not a duplicate), then the sync keys; then the preference; then the field-level diff. Reads the store
 * in a few batched queries per page; writes nothing.
 */
import {
  customKeyOf,
  type Preference,
  type RecordScope,
  type SyncKeyField,
  type SyncKeys
} from '../../../shared/domain/integration'
import type { CustomFieldType } from '../../../shared/domain/custom-field'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import type { Mapping } from '../../../shared/domain/mapping'
import type { FieldDiff } from '../../../shared/domain/plan'
import type { PeopleRepo, StoredPerson } from '../store/repositories/people-repo'
import type { SaasUsersRepo } from '../store/repositories/saas-users-repo'
import type { Person } from '../webex/schemas'
import { evaluateFilters } from '../mapping/filter-eval'
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
import { newRecordId } from './record-id'

export type DecideConfig = {
  mapping: Mapping
  filters: readonly AnyIngestFilter[]
  syncKeys: SyncKeys
  preference: Preference
  scope: RecordScope
  names: { roles: ReadonlyMap<string, string>; licenses: ReadonlyMap<string, string> }
  syncTime: string
  /** Custom field types (typed values for `custom.<key>` and `saas.custom.<key>` targets). */
  customTypes?: ReadonlyMap<string, CustomFieldType>
  /** Custom person field labels by key, for skip reasons of a custom sync key. */
  customLabels?: ReadonlyMap<string, string>
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
  const keys = new Set([...Object.keys(old.custom), ...Object.keys(next.custom)])
  for (const k of [...keys].sort()) {
    const a = valueText(old.custom[k])
    const b = valueText(next.custom[k])
    if (a !== b) diff.push({ field: `saas.custom.${k}`, old: a, new: b })
  }
  return diff
}

/** A person's value of a sync key field; a custom field's text form, trimmed (empty = none). */
function keyValue(v: PersonValues, field: SyncKeyField): string | null {
  const custom = customKeyOf(field)
  if (custom === null) return field === 'webexId' ? v.webexId : v[field as 'email' | 'username']
  const text = valueText(v.custom[custom])?.trim() ?? ''
  return text === '' ? null : text
}

/** How key values compare: case-insensitive (custom values are trimmed by keyValue already). */
const norm = (k: string) => k.toLowerCase()

const keyLabel = (field: SyncKeyField, cfg: DecideConfig): string => {
  const custom = customKeyOf(field)
  return custom === null
    ? KEY_LABEL[field as keyof typeof KEY_LABEL]
    : (cfg.customLabels?.get(custom) ?? custom)
}

/** What matching needs of a stored person: full values only for the few that changed. */
type MatchedPerson = { id: string; hash: string; webexId: string | null }
type MatchedSaas = { id: string; personId: string | null; hash: string; notInWebex: boolean }

export function decidePage(
  people: readonly Person[],
  rawById: ReadonlyMap<string, unknown>,
  cfg: DecideConfig,
  store: DecideStore
): RecordPlan[] {
  const saasScope = cfg.scope === 'user-and-saas'
  // "Last activity within N days" counts from the run's time, like every other value of the run.
  const syncDate = new Date(cfg.syncTime)
  const mapCtx = {
    syncTime: cfg.syncTime,
    names: cfg.names,
    ...(cfg.customTypes ? { customTypes: cfg.customTypes } : {})
  }
  const mapped = people.map((p) => {
    const raw = rawById.get(p.id)
    const values = mapPerson(p, raw, cfg.mapping, cfg.syncTime, mapCtx)
    const saasValues = saasScope
      ? mapSaasUser(p, cfg.names, { raw, mapping: cfg.mapping, ctx: mapCtx })
      : null
    return {
      p,
      values,
      hash: hashPersonValues(values),
      saasValues,
      saasHash: saasValues ? hashSaasValues(saasValues) : ''
    }
  })
  const ids = people.map((p) => p.id)
  // Ids and hashes first: an unchanged page never builds stored values.
  const byWebexId = new Map<string, MatchedPerson>(
    store.people
      .hashesByWebexIds(ids)
      .map((r) => [r.webex_id, { id: r.id, hash: r.values_hash, webexId: r.webex_id }])
  )
  const saasById = new Map<string, MatchedSaas>(
    saasScope
      ? store.saas.hashesByWebexIds(ids).map((r) => [
          r.webex_id,
          {
            id: r.id,
            personId: r.person_id,
            hash: r.values_hash,
            notInWebex: r.not_in_webex === 1
          }
        ])
      : []
  )
  // Stored values of the changed ones (for their field diffs), one query per table.
  const changedPeople: string[] = []
  const changedSaas: string[] = []
  for (const m of mapped) {
    const sp = byWebexId.get(m.p.id)
    if (sp && sp.hash !== m.hash) changedPeople.push(sp.id)
    const ss = saasById.get(m.p.id)
    if (ss && ss.hash !== m.saasHash) changedSaas.push(ss.id)
  }
  const fullPeople = new Map(store.people.findByIds(changedPeople).map((s) => [s.id, s.values]))
  const fullSaas = new Map(store.saas.findByIds(changedSaas).map((s) => [s.id, s.values]))
  const storedSaasValues = (s: MatchedSaas) =>
    fullSaas.get(s.id) ?? store.saas.findByIds([s.id])[0]?.values

  // Sync-key lookups for people not matched by Webex ID, one query per key field.
  const byKey = new Map<string, Map<string, StoredPerson>>()
  for (const field of [cfg.syncKeys.primary, cfg.syncKeys.secondary]) {
    if (!field || field === 'webexId' || byKey.has(field)) continue
    const wanted = mapped
      .filter((m) => !byWebexId.has(m.p.id))
      .map((m) => keyValue(m.values, field))
      .filter((v): v is string => v !== null)
    const custom = customKeyOf(field)
    const rows =
      custom === null
        ? store.people.findByKey(field as 'email' | 'username', wanted)
        : store.people.findByCustomKey(custom, wanted)
    const found = new Map<string, StoredPerson>()
    for (const s of rows) {
      const k = keyValue(s.values, field)
      if (k !== null && !found.has(norm(k))) found.set(norm(k), s)
    }
    byKey.set(field, found)
  }
  const keyFields = [cfg.syncKeys.primary, cfg.syncKeys.secondary].filter(
    (f): f is SyncKeyField => f !== null && f !== 'webexId'
  )
  /**
   * Key values already planned on this page, and whose they are: a record matched or created for one
   * Webex person cannot be matched or created again for another with the same key value.
   */
  const claimed = new Map<string, string>()
  const claimKey = (field: SyncKeyField, k: string) => `${field}\u0000${norm(k)}`
  const claim = (plan: RecordPlan, values: PersonValues) => {
    if (plan.action === 'skip') return
    for (const field of keyFields) {
      const k = keyValue(values, field)
      if (k !== null && !claimed.has(claimKey(field, k)))
        claimed.set(claimKey(field, k), plan.webexId)
    }
  }
  // People matched by a sync key arrive with their values; the rest were prefetched above.
  const keyMatched = new Map<string, PersonValues>()
  const storedPersonValues = (m: MatchedPerson): PersonValues | undefined =>
    fullPeople.get(m.id) ?? keyMatched.get(m.id) ?? store.people.findByIds([m.id])[0]?.values

  return mapped.map((m) => {
    const plan = decideOne(m)
    claim(plan, m.values)
    return plan
  })

  function decideOne({
    p,
    values,
    hash,
    saasValues,
    saasHash
  }: (typeof mapped)[number]): RecordPlan {
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
    const filtered = evaluateFilters(p, rawById.get(p.id) ?? p, cfg.filters, syncDate)
    if (filtered.outcome === 'skip') return skip(filtered.reason)

    let match: MatchedPerson | undefined = byWebexId.get(p.id)
    let matchedBy = match ? 'Matched by Webex ID' : null
    for (const field of [cfg.syncKeys.primary, cfg.syncKeys.secondary]) {
      if (match || !field) continue
      const k = keyValue(values, field)
      if (k === null) continue
      const owner = claimed.get(claimKey(field, k))
      const taken = (by: string) =>
        skip(`${keyLabel(field, cfg)} ${k} already belongs to another Webex person (${by})`)
      if (owner !== undefined && owner !== p.id) return taken(owner)
      const found = field === 'webexId' ? undefined : byKey.get(field)?.get(norm(k))
      if (!found) continue
      if (found.values.webexId !== null && found.values.webexId !== p.id)
        return taken(found.values.webexId)
      match = { id: found.id, hash: found.hash, webexId: found.values.webexId }
      keyMatched.set(found.id, found.values)
      matchedBy = `Matched by ${keyLabel(field, cfg)}`
    }
    const primary = cfg.syncKeys.primary
    if (!match && primary && keyValue(values, primary) === null)
      return skip(`No ${keyLabel(primary, cfg)} in Webex, so the sync key has no value`)

    const existingSaas = saasById.get(p.id)
    const hashes = { person: hash, saas: saasValues ? saasHash : null }

    if (!match) {
      if (filtered.outcome === 'no-create') return skip(filtered.reason)
      if (cfg.preference === 'update-only')
        return skip(`Update only: no existing record matches ${base.email ?? p.id}`)
      const personId = newRecordId()
      return {
        ...base,
        action: 'create',
        reason: null,
        hashes,
        person: { op: 'insert', id: personId, values, hash, old: null },
        saas: saasValues
          ? existingSaas
            ? {
                op: 'update',
                id: existingSaas.id,
                values: saasValues,
                hash: saasHash,
                old: storedSaasValues(existingSaas) ?? null,
                personId
              }
            : {
                op: 'insert',
                id: newRecordId(),
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
      return {
        ...base,
        action: 'unchanged',
        reason: matchedBy,
        hashes,
        person: null,
        saas: null,
        diff: []
      }
    if (cfg.preference === 'create-only')
      return skip('Create only: the record exists and is not updated')

    const before = personChanged ? storedPersonValues(match) : undefined
    const diff = before ? personDiff(before, values) : []
    let saas: RecordPlan['saas'] = null
    if (saasValues && saasChanged) {
      if (existingSaas) {
        const old = storedSaasValues(existingSaas)
        if (old) diff.push(...saasDiff(old, saasValues))
        if (existingSaas.notInWebex)
          diff.push({ field: 'saas.notInWebex', old: 'true', new: 'false' })
        saas = {
          op: 'update',
          id: existingSaas.id,
          values: saasValues,
          hash: saasHash,
          old: old ?? null,
          personId: match.id
        }
      } else {
        diff.push({ field: 'saas', old: null, new: 'created' })
        saas = {
          op: 'insert',
          id: newRecordId(),
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
      hashes,
      person: personChanged
        ? { op: 'update', id: match.id, values, hash, old: before ?? null }
        : null,
      saas,
      diff
    }
  }
}
