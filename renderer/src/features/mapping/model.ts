/**
 * The mapping editor's draft as plain data: the mapping, sync keys and filters being edited, every
 * edit a pure function, and an undo stack of whole drafts (small: a mapping is at most 500 entries).
 * One target holds at most one entry; one source may feed many targets.
 */
import type { AnyIngestFilter } from '../../../../shared/domain/ingest-filter-rule'
import type { SyncKeys } from '../../../../shared/domain/integration'
import type { Mapping, MappingEntry, MappingTransform } from '../../../../shared/domain/mapping'
import type { MappingDraft, MappingProposal } from '../../../../shared/domain/mapping-studio'

export type Draft = MappingDraft

export type History = {
  /** Earlier drafts, oldest first. */
  past: Draft[]
  present: Draft
  /** What is saved: the draft is "changed" while it differs. */
  saved: Draft
}

const MAX_UNDO = 100

export const startHistory = (saved: Draft): History => ({ past: [], present: saved, saved })

/** Records `next` as a new step (nothing is recorded when the edit changed nothing). */
export function commit(h: History, next: Draft): History {
  if (sameDraft(h.present, next)) return h
  return { ...h, past: [...h.past, h.present].slice(-MAX_UNDO), present: next }
}

export function undo(h: History): History {
  const previous = h.past[h.past.length - 1]
  return previous ? { ...h, past: h.past.slice(0, -1), present: previous } : h
}

export const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b)
export const isChanged = (h: History): boolean => !sameDraft(h.present, h.saved)

/** The whole transform chain of an entry (`transform` first, then `transforms`). */
export const chainOf = (e: MappingEntry): MappingTransform[] => [
  ...(e.transform ? [e.transform] : []),
  ...(e.transforms ?? [])
]

/** The entry with its chain stored the way the contract keeps it. */
export function withChain(e: MappingEntry, chain: MappingTransform[]): MappingEntry {
  const { transform: _t, transforms: _ts, ...rest } = e
  const [first, ...others] = chain
  return {
    ...rest,
    ...(first ? { transform: first } : {}),
    ...(others.length > 0 ? { transforms: others } : {})
  }
}

export const entryFor = (m: Mapping, target: string): MappingEntry | undefined =>
  m.find((e) => e.target === target)

/** Maps `source` onto `target`, replacing what filled the target (its transforms are dropped). */
export function mapSource(
  m: Mapping,
  target: string,
  source: string,
  sourceName?: string
): Mapping {
  const entry: MappingEntry = { source, target, ...(sourceName ? { sourceName } : {}) }
  const existing = entryFor(m, target)
  if (existing && existing.source === source) return m
  return existing ? m.map((e) => (e.target === target ? entry : e)) : [...m, entry]
}

export const unmap = (m: Mapping, target: string): Mapping => m.filter((e) => e.target !== target)

export const setChain = (m: Mapping, target: string, chain: MappingTransform[]): Mapping =>
  m.map((e) => (e.target === target ? withChain(e, chain) : e))

/** A fixed value (e.g. the Role): source `constant` with a constant transform. */
export function setConstant(m: Mapping, target: string, value: string): Mapping {
  const entry: MappingEntry = { source: 'constant', target, transform: { kind: 'constant', value } }
  return entryFor(m, target) ? m.map((e) => (e.target === target ? entry : e)) : [...m, entry]
}

/** Applies the Smart Mapping proposals the admin ticked (names of custom API fields from `names`). */
export function applyProposals(
  m: Mapping,
  proposals: readonly MappingProposal[],
  names: ReadonlyMap<string, string>
): Mapping {
  return proposals.reduce((acc, p) => {
    const name = names.get(p.source)
    const entry = withChain({ source: p.source, target: p.target }, p.transforms)
    const next: MappingEntry = name ? { ...entry, sourceName: name } : entry
    return entryFor(acc, p.target)
      ? acc.map((e) => (e.target === p.target ? next : e))
      : [...acc, next]
  }, m)
}

export const setSyncKeys = (d: Draft, syncKeys: SyncKeys): Draft => ({ ...d, syncKeys })
export const setFilters = (d: Draft, filters: AnyIngestFilter[]): Draft => ({ ...d, filters })
export const setMapping = (d: Draft, mapping: Mapping): Draft => ({ ...d, mapping })

/**
 * An expression that reads the same value as a source on the raw Webex person, for the live preview
 * (standard fields are read from the parsed person by the sync; their raw paths are these).
 */
export function previewExpression(source: string): string | null {
  if (source === 'constant' || source === 'syncTime') return null
  if (source === 'email') return '$.emails[0]'
  return source.startsWith('$') || source.includes('{{') || /^['"]/.test(source)
    ? source
    : `$.${source}`
}

/** Draggable / droppable ids: a source may appear twice (a Webex field and an API field alike). */
export const sourceDragId = (group: string, key: string): string => `source:${group}:${key}`
export const targetDropId = (key: string): string => `target:${key}`
export const targetOfDropId = (id: string): string | null =>
  id.startsWith('target:') ? id.slice('target:'.length) : null
