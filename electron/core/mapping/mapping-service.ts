/**
 * The mapping studio's core service: sources with samples, targets, custom target fields and custom API
 * fields, Smart Mapping, expression preview, validation, sync-key checks and the impact preview. All
 * reads of Webex data come from the last read (no Webex call).
 */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import {
  CreateCustomFieldInput,
  targetFields,
  type CustomField,
  type FieldImpact,
  type UpdateCustomFieldInput
} from '../../../shared/domain/custom-field'
import type { Mapping } from '../../../shared/domain/mapping'
import { parseExpression, textOf } from '../../../shared/domain/mapping-expression'
import type {
  CheckSyncKeysInput,
  EvaluateExpressionInput,
  EvaluateExpressionResult,
  ImpactInput,
  ImpactResult,
  ListSourcesInput,
  SaveApiFieldInput,
  SmartMappingInput,
  ValidateMappingInput,
  ValueShape
} from '../../../shared/domain/mapping-studio'
import { AppError } from '../errors'
import type { Db } from '../store/db'
import { writeTransaction } from '../store/transaction'
import { createApiFieldsRepo } from '../store/repositories/api-fields-repo'
import { createCustomFieldsRepo } from '../store/repositories/custom-fields-repo'
import { createRawPeopleRepo, type RawPlanState } from '../store/repositories/history-repo'
import { createWebexNamesRepo } from '../store/repositories/webex-names-repo'
import type { IntegrationsRepo } from '../store/repositories/integrations-repo'
import type { PeopleRepo } from '../store/repositories/people-repo'
import type { RolesRepo } from '../store/repositories/roles-repo'
import type { SaasUsersRepo } from '../store/repositories/saas-users-repo'
import {
  computeImpact,
  decideConfigs,
  fingerprintOf,
  namesFromRecords,
  savedSkips,
  skipsUnchanged,
  type KnownUnchanged
} from './impact'
import { createLastRead, type LastReadPerson } from './last-read'
import { createLastReadCache, type LastReadSnapshot } from './last-read-cache'
import { cachedDecideStore } from './cached-store'
import { customLabelsOf, customTypesOf } from './custom-types'
import { sourcesWithSamples } from './samples'
import { smartMapping } from './smart-mapping'
import { sourceValue } from './source-value'
import { checkSyncKeys } from './sync-key-check'
import { applyTransforms, type NameMaps } from './transforms'
import { validateMapping } from './validate-mapping'

export type MappingServiceDeps = {
  db: Db
  now: () => Date
  integrations: IntegrationsRepo
  roles: RolesRepo
  people: PeopleRepo
  saas: SaasUsersRepo
  onIntegrationsChanged: () => void
  /** Default MAX_PEOPLE_IN_MEMORY (a seam for tests). */
  maxPeopleInMemory?: number
}

/** A bare path (`department`) is stored as `$.department`, so it can never be read as a standard key. */
export function normaliseExpression(text: string): string {
  const t = text.trim()
  const parsed = parseExpression(text)
  if (parsed.ok && parsed.expr.kind === 'path' && !t.startsWith('$')) return `$.${t}`
  return parsed.ok && parsed.expr.kind === 'path' ? t : text
}

/** A stable key from a label: "Job Title" → jobTitle (suffixed when taken). */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
    .slice(0, 56)
  if (!/^[A-Za-z]/.test(base)) base = `field${base}`
  let key = base
  for (let n = 2; taken.has(key.toLowerCase()); n++) key = `${base}${n}`
  return key
}

/**
 * The impact preview and the whole-read sync-key check hold the parsed last read in memory (about
 * 240 MB of heap at 100,000 people, plus the records they compare with). Above this many people they
 * refuse with a plain message instead of exhausting the core's heap (electron/core/host/v8-flags.ts);
 * an integration's Preview streams page by page at any size.
 */
export const MAX_PEOPLE_IN_MEMORY = 150_000

export function createMappingService(d: MappingServiceDeps) {
  const lastRead = createLastRead(d.db)
  const customFields = createCustomFieldsRepo(d.db)
  const apiFields = createApiFieldsRepo(d.db)
  const iso = () => d.now().toISOString()
  const targets = () => targetFields(customFields.list())
  // Fields made unique before sync keys could use them get their index now (cheap when present).
  customFields.syncKeyIndexes()
  const roleNames = () => d.roles.list().map((r) => r.name)

  const webexNames = createWebexNamesRepo(d.db)
  const raw = createRawPeopleRepo(d.db)
  const store = { people: d.people, saas: d.saas }

  /**
   * Role and licence names by ID as the last sync read them from Webex; a store written by an
   * older build has only those its SaaS user records hold (none for "User only").
   */
  const names = (people: readonly LastReadPerson[]): NameMaps =>
    webexNames.load() ?? namesFromRecords(people, lastRead.resolvedNames())

  /**
   * The whole last read, parsed, kept until a sync writes again, so the impact preview re-runs
   * quickly while the admin edits a draft; `sources` (the studio opening) warms it.
   */
  const lastReads = createLastReadCache(lastRead)
  /** Whether the whole last read may be held in memory (see MAX_PEOPLE_IN_MEMORY). */
  const maxInMemory = d.maxPeopleInMemory ?? MAX_PEOPLE_IN_MEMORY
  const fitsInMemory = () => lastRead.count() <= maxInMemory
  const wholeLastRead = () => {
    const n = lastRead.count()
    if (n > maxInMemory)
      throw new AppError(
        'CONFLICT',
        `The last read has ${n.toLocaleString('en')} people, more than the ${maxInMemory.toLocaleString('en')} this check can hold in memory. Use Preview on the integration instead: it plans everyone from Webex page by page.`
      )
    const snapshot = lastReads.get()
    const nameMaps =
      webexNames.load() ??
      lastReads.derived('names-from-records', (s) =>
        namesFromRecords(s.people, lastRead.resolvedNames())
      )
    return { people: snapshot.people, names: nameMaps }
  }

  /** The planner's store reads, kept while the records stay unchanged (drafts re-plan everyone). */
  const cachedStore = () => lastReads.derived('store', () => cachedDecideStore(store))
  /**
   * After the last read, the warm-up reads what the first preview would read of the store: the
   * records' hashes and values, and the stored raw hashes, a slice per turn.
   */
  function* prefetch(s: LastReadSnapshot): Generator<void> {
    const st = cachedStore()
    for (let i = 0; i < s.people.length; i += 500) {
      const ids = s.people.slice(i, i + 500).map((p) => p.person.id)
      st.people.findByIds(st.people.hashesByWebexIds(ids).map((r) => r.id))
      st.saas.hashesByWebexIds(ids)
      yield
    }
    planStates()
  }

  /** Each person's stored raw hash (input to the fast-path test below), kept likewise. */
  const planStates = () =>
    lastReads.derived('plan-states', (s: LastReadSnapshot) => {
      const out = new Map<string, RawPlanState>()
      const ids = s.people.map((p) => p.person.id)
      for (let i = 0; i < ids.length; i += 1000)
        for (const [id, st] of raw.statesOf(ids.slice(i, i + 1000))) out.set(id, st)
      return out
    })
  /**
   * Who the sync's unchanged fast path would skip under a configuration's fingerprint: the same
   * test the sync runs (the raw people repository's `knownUnchanged`), on the stored raw hashes,
   * which are the last read's by definition.
   */
  const knownUnder = (
    states: ReadonlyMap<string, RawPlanState>,
    fingerprint: string | null
  ): KnownUnchanged => {
    if (fingerprint === null) return () => false
    const known = lastReads.derived(`known:${fingerprint}`, () => {
      const out = new Set<string>()
      const items = [...states].map(([id, st]) => [id, st.hash] as const)
      for (let i = 0; i < items.length; i += 1000)
        for (const id of raw.knownUnchanged(items.slice(i, i + 1000), fingerprint)) out.add(id)
      return out
    })
    return (id) => known.has(id)
  }

  const sourceShapes = (sampleSize = 50): Map<string, ValueShape> => {
    const fields = sourcesWithSamples(lastRead.sample(sampleSize), apiFields.list(), 1, iso())
    return new Map(fields.map((f) => [f.key, f.shape]))
  }

  function mustIntegration(id: string) {
    const i = d.integrations.get(id)
    if (!i) throw new AppError('NOT_FOUND', 'That integration no longer exists.')
    return i
  }

  function integrationsMapping(key: string) {
    return d.integrations
      .list()
      .filter((i) => i.mapping.some((e) => e.target === key))
      .map((i) => ({ id: i.id, name: i.name }))
  }

  /** Integrations whose primary or secondary sync key is the custom person field `key`. */
  function integrationsKeyedBy(key: string) {
    const k = `custom.${key}`
    return d.integrations
      .list()
      .filter((i) => i.syncKeys.primary === k || i.syncKeys.secondary === k)
      .map((i) => ({ id: i.id, name: i.name }))
  }

  /** Why a field used as a sync key cannot be deleted or made non-unique, or null when it can. */
  function syncKeyRefusal(label: string, keyedBy: readonly { name: string }[], what: string) {
    if (keyedBy.length === 0) return null
    const names = keyedBy.map((i) => `"${i.name}"`).join(', ')
    const them = keyedBy.length === 1 ? 'the integration' : 'the integrations'
    return `${label} is the sync key of ${them} ${names}, so it cannot be ${what}. Choose another sync key there first.`
  }

  function fieldImpact(key: string): FieldImpact {
    const f = customFields.get(key)
    if (!f) throw new AppError('NOT_FOUND', 'That field no longer exists.')
    const target = f.record === 'person' ? `custom.${key}` : `saas.custom.${key}`
    const records = customFields.recordsWithValue(key, f.record)
    const mappedBy = integrationsMapping(target)
    const syncKeyOf = f.record === 'person' ? integrationsKeyedBy(key) : []
    const keyRefusal = syncKeyRefusal(f.label, syncKeyOf, 'deleted')
    const who = `${records.toLocaleString('en-US')} ${records === 1 ? 'record holds' : 'records hold'} a value`
    const maps = mappedBy.length
      ? ` and ${mappedBy.length === 1 ? 'the integration' : 'the integrations'} ${mappedBy.map((m) => `"${m.name}"`).join(', ')} ${mappedBy.length === 1 ? 'fills' : 'fill'} it`
      : ''
    return {
      key,
      label: f.label,
      recordsWithValue: records,
      mappedBy,
      syncKeyOf,
      needsConfirm: records > 0 || mappedBy.length > 0,
      onDelete:
        keyRefusal ??
        (records === 0 && mappedBy.length === 0
          ? 'No record holds a value and no mapping fills it: deleting it removes only the field.'
          : `${who}${maps}. Deleting the field deletes those values (kept in each record's history) and removes the mappings to it.`),
      onRename: `${who}${maps}. Renaming changes the name only: the values and mappings stay.`
    }
  }

  return {
    sources(q: z.output<typeof ListSourcesInput>) {
      // The studio opens with this call: read the whole last read meanwhile, for the impact preview.
      if (fitsInMemory()) void lastReads.warm(prefetch)
      const people = lastRead.sample(q.sampleSize)
      return {
        fields: sourcesWithSamples(people, apiFields.list(), q.samplesPerField, iso()),
        peopleInLastRead: lastRead.count(),
        sampled: people.length
      }
    },
    targets,

    smart(q: z.output<typeof SmartMappingInput>) {
      const people = lastRead.sample(50)
      const roles = roleNames()
      return smartMapping({
        sources: sourcesWithSamples(people, apiFields.list(), 3, iso()),
        targets: targets(),
        mapping: q.mapping,
        overwrite: q.overwrite,
        ...(q.targets ? { only: q.targets } : {}),
        defaultRole: roles.find((r) => r.toLowerCase() === 'employee') ?? roles[0] ?? null
      })
    },

    evaluate(q: z.output<typeof EvaluateExpressionInput>): EvaluateExpressionResult {
      const parsed = parseExpression(q.expression)
      if (!parsed.ok) return { ok: false, error: parsed.error }
      const expression = normaliseExpression(q.expression)
      const people = q.webexIds ? lastRead.byIds(q.webexIds) : lastRead.sample(q.samples)
      const nameMaps = q.transforms?.some((t) => t.kind.endsWith('-names'))
        ? names(people)
        : undefined
      const syncTime = iso()
      return {
        ok: true,
        expression,
        kind: parsed.expr.kind,
        results: people.map((p) => {
          const v = applyTransforms(
            sourceValue(p.person, p.raw, expression, syncTime),
            q.transforms ?? [],
            nameMaps
          )
          const text = textOf(v)
          return {
            webexId: p.person.id,
            displayName: p.person.displayName ?? null,
            value: text === '' ? null : text,
            json: JSON.stringify(v ?? null)
          }
        })
      }
    },

    validate(q: z.output<typeof ValidateMappingInput>) {
      const issues = validateMapping({
        mapping: q.mapping,
        targets: targets(),
        shapes: sourceShapes(),
        roles: roleNames(),
        ...(q.syncKeys ? { syncKeys: q.syncKeys } : {}),
        ...(q.filters ? { filters: q.filters } : {})
      })
      return { ok: !issues.some((i) => i.severity === 'error'), issues }
    },

    checkSyncKeys(q: z.output<typeof CheckSyncKeysInput>) {
      const all = q.sampleSize ? null : wholeLastRead()
      const people = all?.people ?? lastRead.sample(q.sampleSize ?? 0)
      return checkSyncKeys({
        mapping: q.mapping,
        syncKeys: q.syncKeys,
        targets: targets(),
        people,
        ctx: {
          syncTime: iso(),
          names: all?.names ?? names(people),
          customTypes: customTypesOf(customFields.list())
        }
      })
    },

    /** Resolves when the background read of the last read (started by `sources`) is over. */
    lastReadWarmed: () => (fitsInMemory() ? lastReads.warm(prefetch) : Promise.resolve()),

    impact(q: z.output<typeof ImpactInput>): ImpactResult {
      const i = mustIntegration(q.integrationId)
      const all = wholeLastRead()
      const fields = customFields.list()
      const args = {
        people: all.people,
        saved: i,
        draft: q.draft,
        store: cachedStore(),
        names: all.names,
        customTypes: customTypesOf(fields),
        customLabels: customLabelsOf(fields),
        syncTime: iso(),
        sampleLimit: q.sampleLimit
      }
      const cfg = decideConfigs(args)
      const savedFp = fingerprintOf(cfg.saved)
      const draftFp = fingerprintOf(cfg.draft)
      const needsSaved = !skipsUnchanged(i, q.draft)
      // The plan states pay off for the saved pass, and for a draft that plans like the last sync.
      if (!needsSaved && (draftFp === null || draftFp !== savedFp)) return computeImpact(args)
      const states = planStates()
      const known = { saved: knownUnder(states, savedFp), draft: knownUnder(states, draftFp) }
      // Who the saved configuration skips depends on the store and that configuration only (its
      // fingerprint: mapping, filters, keys, names, custom field types), not on the draft.
      const savedSkipped =
        needsSaved && savedFp !== null
          ? lastReads.derived(`saved-skips:${savedFp}`, (s) =>
              savedSkips({
                people: s.people,
                cfg: cfg.saved,
                store: args.store,
                known: known.saved
              })
            )
          : undefined
      return computeImpact({ ...args, known, ...(savedSkipped ? { savedSkipped } : {}) })
    },

    apiFields: {
      list: () => apiFields.list(),
      save(q: z.output<typeof SaveApiFieldInput>) {
        const parsed = parseExpression(q.expression)
        if (!parsed.ok)
          throw new AppError('BAD_REQUEST', `The expression has an error: ${parsed.error.message}.`)
        const expression = normaliseExpression(q.expression)
        const prev = q.id ? apiFields.get(q.id) : null
        if (q.id && !prev)
          throw new AppError('NOT_FOUND', 'That custom API field no longer exists.')
        const now = iso()
        const field = {
          id: prev?.id ?? randomUUID(),
          name: q.name,
          expression,
          createdAt: prev?.createdAt ?? now,
          updatedAt: now
        }
        writeTransaction(d.db, () => {
          apiFields.save(field)
          // Mapping entries that use the field follow its new name and expression.
          if (prev && (prev.name !== field.name || prev.expression !== field.expression))
            for (const i of d.integrations.list()) {
              let touched = false
              const mapping: Mapping = i.mapping.map((e) => {
                if (e.sourceName !== prev.name || e.source !== prev.expression) return e
                touched = true
                return { ...e, source: field.expression, sourceName: field.name }
              })
              if (touched) d.integrations.replace({ ...i, mapping, updatedAt: now })
            }
        })
        d.onIntegrationsChanged()
        return field
      },
      remove(id: string) {
        if (!apiFields.remove(id))
          throw new AppError('NOT_FOUND', 'That custom API field no longer exists.')
        return { deleted: true as const }
      }
    },

    customFields: {
      list: () => customFields.list(),
      create(input: z.input<typeof CreateCustomFieldInput>): CustomField {
        const q = CreateCustomFieldInput.parse(input)
        const taken = new Set(customFields.list().map((f) => f.key.toLowerCase()))
        const now = iso()
        const field: CustomField = {
          key: keyFromLabel(q.label, taken),
          label: q.label,
          type: q.type,
          options: q.type === 'choice' ? q.options : [],
          unique: q.unique,
          record: q.record,
          createdAt: now,
          updatedAt: now
        }
        customFields.insert(field)
        return field
      },
      impact: fieldImpact,
      update(q: z.output<typeof UpdateCustomFieldInput>): CustomField {
        const f = customFields.get(q.key)
        if (!f) throw new AppError('NOT_FOUND', 'That field no longer exists.')
        const impact = fieldImpact(q.key)
        const renamed = q.label !== undefined && q.label !== f.label
        const refusal =
          q.unique === false && f.unique
            ? syncKeyRefusal(f.label, impact.syncKeyOf, 'made non-unique')
            : null
        if (refusal) throw new AppError('CONFLICT', refusal)
        if (renamed && impact.needsConfirm && q.confirm !== true)
          throw new AppError('CONFLICT', `${impact.onRename} Confirm to rename.`)
        const next: CustomField = {
          ...f,
          label: q.label ?? f.label,
          options: f.type === 'choice' ? (q.options ?? f.options) : [],
          unique: q.unique ?? f.unique,
          updatedAt: iso()
        }
        customFields.update(next)
        return next
      },
      remove(key: string, confirm: boolean) {
        const impact = fieldImpact(key)
        const refusal = syncKeyRefusal(impact.label, impact.syncKeyOf, 'deleted')
        if (refusal) throw new AppError('CONFLICT', refusal)
        if (impact.needsConfirm && !confirm)
          throw new AppError('CONFLICT', `${impact.onDelete} Confirm to delete.`)
        const f = customFields.get(key)
        const target = f?.record === 'saas-user' ? `saas.custom.${key}` : `custom.${key}`
        const now = iso()
        let clearedValues = 0
        let removedMappings = 0
        writeTransaction(d.db, () => {
          if (f) clearedValues = customFields.clearValues(key, now, f.record)
          // Records changed: plans and anything cached on the store version are out of date.
          if (clearedValues > 0) raw.bumpStoreVersion()
          for (const i of d.integrations.list()) {
            const mapping = i.mapping.filter((e) => e.target !== target)
            if (mapping.length === i.mapping.length) continue
            removedMappings += i.mapping.length - mapping.length
            d.integrations.replace({ ...i, mapping, updatedAt: now })
          }
          customFields.remove(key)
        })
        if (removedMappings > 0) d.onIntegrationsChanged()
        return { deleted: true as const, clearedValues, removedMappings }
      }
    }
  }
}
export type MappingService = ReturnType<typeof createMappingService>
