/**
 * Impact preview: what a draft mapping / sync keys / filters would do to the current data, computed by
 * the sync's own planner (`decidePage`, the code behind Sync and Preview) over the last read, with no
 * Webex call and no write. The same people are also planned with the saved configuration, to tell who
 * would be newly skipped (or no longer skipped).
 *
 * People the sync's unchanged fast path proves unchanged under a configuration (same raw JSON, same
 * plan fingerprint, records still holding that plan's hashes) are not planned again for it: the
 * planner would find them unchanged (unchanged-fast-path.ts), which is all the preview counts.
 */
import type { CustomFieldType } from '../../../shared/domain/custom-field'
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import type { Preference, RecordScope, SyncKeys } from '../../../shared/domain/integration'
import type { Mapping } from '../../../shared/domain/mapping'
import type { ImpactResult, MappingDraft } from '../../../shared/domain/mapping-studio'
import type { PlanAction } from '../../../shared/domain/plan'
import { decidePage, type DecideConfig, type DecideStore } from '../sync/match'
import { readsWebexNames } from '../sync/reads-names'
import type { RecordPlan } from '../sync/record-plan'
import { planFingerprint } from '../sync/unchanged-fast-path'
import type { LastReadPerson } from './last-read'
import { NO_NAMES, type NameMaps } from './transforms'

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
  /** Webex IDs the saved configuration skips (`savedSkips`), when already known (cached). */
  savedSkipped?: ReadonlySet<string>
  /** Who the fast path proves unchanged under the saved configuration and under the draft. */
  known?: { saved: KnownUnchanged; draft: KnownUnchanged }
  clock?: () => number
}

export type KnownUnchanged = (webexId: string) => boolean

const DEFAULT_BATCH = 1000

function* batches<T>(xs: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size)
}

/** The planner over `people` in batches, leaving out those `known` proves unchanged. */
function* plan(
  people: readonly LastReadPerson[],
  cfg: DecideConfig,
  store: DecideStore,
  known: KnownUnchanged | undefined,
  size: number
): Generator<{ plans: RecordPlan[]; knownUnchanged: LastReadPerson[] }> {
  for (const batch of batches(people, size)) {
    const toPlan = known ? batch.filter((b) => !known(b.person.id)) : batch
    const knownUnchanged = known ? batch.filter((b) => known(b.person.id)) : []
    const persons = toPlan.map((b) => b.person)
    const rawById = new Map(toPlan.map((b) => [b.person.id, b.raw]))
    yield { plans: decidePage(persons, rawById, cfg, store), knownUnchanged }
  }
}

/** The Webex IDs the saved configuration skips: what "newly skipped" is measured against. */
export function savedSkips(a: {
  people: readonly LastReadPerson[]
  cfg: DecideConfig
  store: DecideStore
  known?: KnownUnchanged
  batchSize?: number
}): Set<string> {
  const out = new Set<string>()
  for (const { plans } of plan(a.people, a.cfg, a.store, a.known, a.batchSize ?? DEFAULT_BATCH))
    for (const p of plans) if (p.action === 'skip') out.add(p.webexId)
  return out
}

/**
 * The plan fingerprint a sync of this configuration would store (null: it reads the clock). A sync
 * that does not read names plans with none, so the fingerprint leaves them out too.
 */
export function fingerprintOf(cfg: DecideConfig): string | null {
  return planFingerprint(readsWebexNames(cfg) ? cfg : { ...cfg, names: NO_NAMES })
}

/** The decide configurations of the saved integration and of the draft, sharing names and types. */
export function decideConfigs(
  a: Pick<ImpactArgs, 'saved' | 'draft' | 'names' | 'customTypes' | 'customLabels' | 'syncTime'>
): { saved: DecideConfig; draft: DecideConfig } {
  const base = {
    preference: a.saved.preference,
    scope: a.saved.scope,
    names: a.names,
    syncTime: a.syncTime,
    ...(a.customTypes ? { customTypes: a.customTypes } : {}),
    ...(a.customLabels ? { customLabels: a.customLabels } : {})
  }
  return {
    saved: {
      ...base,
      mapping: a.saved.mapping,
      syncKeys: a.saved.syncKeys,
      filters: a.saved.filters
    },
    draft: {
      ...base,
      mapping: a.draft.mapping,
      syncKeys: a.draft.syncKeys,
      filters: a.draft.filters
    }
  }
}

type Sample = ImpactResult['samples'][number]

export function computeImpact(a: ImpactArgs): ImpactResult {
  const clock = a.clock ?? (() => performance.now())
  const t0 = clock()
  const cfg = decideConfigs(a)
  const size = a.batchSize ?? DEFAULT_BATCH
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

  // Null: the saved configuration skips exactly whom the draft skips (skipsUnchanged).
  const skippedBefore = skipsUnchanged(a.saved, a.draft)
    ? null
    : (a.savedSkipped ??
      savedSkips({
        people: a.people,
        cfg: cfg.saved,
        store: a.store,
        ...(a.known ? { known: a.known.saved } : {}),
        batchSize: size
      }))
  for (const { plans, knownUnchanged } of plan(
    a.people,
    cfg.draft,
    a.store,
    a.known?.draft,
    size
  )) {
    counts.unchanged += knownUnchanged.length
    for (const { person } of knownUnchanged)
      if (skippedBefore?.has(person.id)) counts.noLongerSkipped++
    plans.forEach((p) => {
      const wasSkipped = skippedBefore ? skippedBefore.has(p.webexId) : p.action === 'skip'
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
