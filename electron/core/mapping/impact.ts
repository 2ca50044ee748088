/**
 * Impact preview: what a draft mapping / sync keys / filters would do to the current data, computed by
 * the sync's own planner (`decidePage`, the code behind Sync and Preview) over the last read, with no
 * Webex call and no write. The same people are also planned with the saved configuration, to tell who
 * would be newly skipped (or no longer skipped).
 */
import type { CustomFieldType } from '../../../shared/domain/custom-field'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import type { Preference, RecordScope, SyncKeys } from '../../../shared/domain/integration'
import type { Mapping } from '../../../shared/domain/mapping'
import type { ImpactResult, MappingDraft } from '../../../shared/domain/mapping-studio'
import type { PlanAction } from '../../../shared/domain/plan'
import { decidePage, type DecideConfig, type DecideStore } from '../sync/match'
import type { RecordPlan } from '../sync/record-plan'
import type { LastReadPerson } from './last-read'
import type { NameMaps } from './transforms'

export type SavedConfig = {
  mapping: Mapping
  syncKeys: SyncKeys
  filters: readonly AnyIngestFilter[]
  preference: Preference
  scope: RecordScope
}

export type ImpactArgs = {
  people: readonly LastReadPerson[]
  saved: SavedConfig
  draft: MappingDraft
  store: DecideStore
  names: NameMaps
  /** The same custom field types the sync uses (loadCustomTypes). */
  customTypes?: ReadonlyMap<string, CustomFieldType>
  /** Custom person field labels, for the skip reasons of a custom sync key. */
  customLabels?: ReadonlyMap<string, string>
  syncTime: string
  sampleLimit: number
  /** Planned per batch, like the sync's pages. */
  batchSize?: number
  clock?: () => number
}

type Sample = ImpactResult['samples'][number]

export function computeImpact(a: ImpactArgs): ImpactResult {
  const clock = a.clock ?? (() => performance.now())
  const t0 = clock()
  const base = {
    preference: a.saved.preference,
    scope: a.saved.scope,
    names: a.names,
    ...(a.customTypes ? { customTypes: a.customTypes } : {}),
    ...(a.customLabels ? { customLabels: a.customLabels } : {})
  }
  const savedCfg: DecideConfig = {
    ...base,
    mapping: a.saved.mapping,
    syncKeys: a.saved.syncKeys,
    filters: a.saved.filters,
    syncTime: a.syncTime
  }
  const draftCfg: DecideConfig = {
    ...base,
    mapping: a.draft.mapping,
    syncKeys: a.draft.syncKeys,
    filters: a.draft.filters,
    syncTime: a.syncTime
  }
  const counts = {
    create: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    newlySkipped: 0,
    noLongerSkipped: 0
  }
  const fieldCounts = new Map<string, number>()
  const samples: Sample[] = []
  const perAction = new Map<PlanAction, number>()
  const keep = (p: RecordPlan, action: PlanAction) => {
    const n = perAction.get(action) ?? 0
    if (n >= a.sampleLimit) return
    perAction.set(action, n + 1)
    samples.push({
      action,
      webexId: p.webexId,
      email: p.email,
      displayName: p.displayName,
      reason: p.reason,
      diff: p.diff
    })
  }

  const sameSkips = skipsUnchanged(a.saved, a.draft)
  const size = a.batchSize ?? 1000
  for (let i = 0; i < a.people.length; i += size) {
    const batch = a.people.slice(i, i + size)
    const persons = batch.map((b) => b.person)
    const rawById = new Map(batch.map((b) => [b.person.id, b.raw]))
    const draft = decidePage(persons, rawById, draftCfg, a.store)
    const saved = sameSkips ? draft : decidePage(persons, rawById, savedCfg, a.store)
    draft.forEach((p, j) => {
      const wasSkipped = saved[j]?.action === 'skip'
      switch (p.action) {
        case 'create':
          counts.create++
          keep(p, 'create')
          break
        case 'update':
          counts.update++
          for (const d of p.diff) fieldCounts.set(d.field, (fieldCounts.get(d.field) ?? 0) + 1)
          keep(p, 'update')
          break
        case 'unchanged':
          counts.unchanged++
          break
        case 'skip':
          counts.skip++
          if (!wasSkipped) {
            counts.newlySkipped++
            keep(p, 'skip')
          }
          break
      }
      if (wasSkipped && p.action !== 'skip') counts.noLongerSkipped++
    })
  }
  return {
    people: a.people.length,
    counts,
    changedFields: [...fieldCounts.entries()]
      .map(([field, records]) => ({ field, records }))
      .sort((x, y) => y.records - x.records || x.field.localeCompare(y.field)),
    samples,
    durationMs: Math.round((clock() - t0) * 10) / 10,
    note:
      a.people.length === 0
        ? 'No Webex users have been read yet: run a sync or a preview first.'
        : null
  }
}

const KEY_TARGETS = new Set(['email', 'username', 'webexId'])
const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y)

/**
 * With Create & Update, a sync skips a person only for a filter, a sync key that has no value or
 * belongs to another Webex person: when the draft keeps the filters, the sync keys and every entry
 * that fills a key field, the saved configuration skips exactly the same people, so the second
 * planning pass can be left out (it is the costly half of a mapping-only change).
 */
export function skipsUnchanged(saved: SavedConfig, draft: MappingDraft): boolean {
  if (saved.preference !== 'create-update') return false
  const keyEntries = (m: Mapping) => m.filter((e) => KEY_TARGETS.has(e.target))
  return (
    same(saved.filters, draft.filters) &&
    same(saved.syncKeys, draft.syncKeys) &&
    same(keyEntries(saved.mapping), keyEntries(draft.mapping))
  )
}

/**
 * Role and licence names by ID, from the last sync's own resolution: a SaaS user record keeps the
 * names in the order of the person's IDs (mapSaasUser), so pairing them recovers the map without
 * calling Webex.
 */
export function namesFromRecords(
  people: readonly LastReadPerson[],
  saasById: ReadonlyMap<string, { roles: string[]; licenses: string[] }>
): NameMaps {
  const roles = new Map<string, string>()
  const licenses = new Map<string, string>()
  for (const { person } of people) {
    const s = saasById.get(person.id)
    if (!s) continue
    const pair = (
      ids: readonly string[] | undefined,
      names: string[],
      into: Map<string, string>
    ) => {
      if (!ids || ids.length !== names.length) return
      ids.forEach((id, k) => {
        const n = names[k]
        if (n !== undefined && !into.has(id)) into.set(id, n)
      })
    }
    pair(person.roles, s.roles, roles)
    pair(person.licenses, s.licenses, licenses)
  }
  return { roles, licenses }
}
