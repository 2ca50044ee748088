/**
 * The unchanged fast path (performance.md C3 stretch): a person whose raw Webex JSON is byte-for-byte
 * what was last planned, under the same integration configuration, and whose records still carry the
 * hashes that plan produced, is unchanged, so it is neither parsed again, mapped, hashed nor looked up
 * row by row — not even decoded: the listing asks before it decodes a page (webex/list-people.ts
 * `knownItems`). The slow path (decidePage) would reach the same answer: its decision is a function of
 * the raw person, the configuration and the stored records' hashes / link / "not in Webex" flag, all of
 * which the test compares. The test itself is one query per page, in the raw people repository
 * (`knownUnchanged`, store/repositories/history-repo.ts), on the raw rows alone: the records' side
 * (still carrying the hashes that plan produced, linked, present in Webex) is kept true by the
 * schema's triggers (store/migrations/0060-plan-state-triggers.ts), and the engine forgets the plan
 * state of a record that failed to save. This file computes the fingerprint.
 *
 * Anything that depends on the clock disables the fast path: a mapping that reads the sync time (other
 * than into the sync time field itself, which is stamped only on written records) and filter rules on
 * relative dates or on the sync time.
 */
import { isFilterRule } from '../../../shared/domain/ingest-filter-rule'
import type { DecideConfig } from './match'
import { hashText } from './record-values'

/**
 * Bump when mapping, hashing or deciding code changes what a configuration produces, so fingerprints
 * stored by an older build no longer match.
 */
const PLANNER_VERSION = 2

const usesClock = (cfg: DecideConfig): boolean =>
  cfg.mapping.some((e) => e.source === 'syncTime' && e.target !== 'syncTime') ||
  cfg.filters.some(
    (f) =>
      isFilterRule(f) &&
      f.enabled &&
      f.conditions.some(
        (c) => c.op === 'within-days' || c.op === 'older-than-days' || c.field === 'syncTime'
      )
  )

const sortedEntries = (m: ReadonlyMap<string, string> | undefined) =>
  [...(m ?? new Map<string, string>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/** The fingerprint of everything a person's plan depends on besides the person, or null (disabled). */
export function planFingerprint(cfg: DecideConfig): string | null {
  if (usesClock(cfg)) return null
  return hashText(
    JSON.stringify([
      PLANNER_VERSION,
      cfg.mapping,
      cfg.filters,
      cfg.syncKeys,
      cfg.preference,
      cfg.scope,
      sortedEntries(cfg.names.roles),
      sortedEntries(cfg.names.licenses),
      sortedEntries(cfg.customTypes)
    ])
  )
}
