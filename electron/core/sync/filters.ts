/**
 * Ingest filters: the simple ones and the mapping studio's rules, evaluated by core/mapping. Returns a
 * plain-language reason when a person is skipped outright ("only update, never create" rules are
 * applied by the planner, which knows whether a record matches).
 */
import type { AnyIngestFilter } from '../../../shared/domain/ingest-filter-rule'
import { evaluateFilters } from '../mapping/filter-eval'
import type { Person } from '../webex/schemas'

export function filterOutReason(
  p: Person,
  filters: readonly AnyIngestFilter[],
  raw: unknown = p,
  now: Date = new Date()
): string | null {
  const r = evaluateFilters(p, raw, filters, now)
  return r.outcome === 'skip' ? r.reason : null
}
