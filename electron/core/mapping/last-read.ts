/**
 * The last read: the raw Webex person per ID that the sync keeps (`webex_people_json`, 0070). The
 * mapping studio samples it and the impact preview runs over it, so neither calls Webex.
 * Read-only; rows that no longer validate as a Person are left out.
 */
import type { Db } from '../store/db'
import { RAW_WITH_JSON } from '../store/repositories/history-repo'
import { fastParsePerson, Person } from '../webex/schemas'

export type LastReadPerson = {
  /** Validated and normalised, as the engine sees it. */
  person: Person
  /** As Webex sent it (custom API field paths run over this). */
  raw: unknown
}

/**
 * What the fast path may normalise in place: top-level fields and the `primary` of phone numbers and
 * SIP addresses. Copying just those keeps `raw` exactly as sent, without a second JSON.parse.
 */
function normalisableCopy(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw
  const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) }
  for (const k of ['phoneNumbers', 'sipAddresses'])
    if (Array.isArray(copy[k]))
      copy[k] = (copy[k] as unknown[]).map((x) =>
        x !== null && typeof x === 'object' ? { ...x } : x
      )
  return copy
}

function parseRow(json: string): LastReadPerson | null {
  try {
    const raw = JSON.parse(json) as unknown
    const person = fastParsePerson(normalisableCopy(raw)) ?? Person.safeParse(raw).data
    return person ? { person, raw } : null
  } catch {
    return null
  }
}

export function createLastRead(db: Db) {
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM webex_people_raw')
  const first = db.prepare<[number], { json: string }>(
    `SELECT j.json FROM ${RAW_WITH_JSON} ORDER BY r.webex_id LIMIT ?`
  )
  const all = db.prepare<[], { json: string }>(
    `SELECT j.json FROM ${RAW_WITH_JSON} ORDER BY r.webex_id`
  )
  const pageAfter = db.prepare<[string, number], { webex_id: string; json: string }>(
    `SELECT r.webex_id, j.json FROM ${RAW_WITH_JSON} WHERE r.webex_id > ? ORDER BY r.webex_id LIMIT ?`
  )
  const byIds = db.prepare<[string], { json: string }>(
    `SELECT j.json FROM ${RAW_WITH_JSON} WHERE r.webex_id IN (SELECT value FROM json_each(?))`
  )
  const names = db.prepare<[], { webex_id: string; roles_json: string; licenses_json: string }>(
    `SELECT webex_id, roles_json, licenses_json FROM saas_users
     WHERE roles_json <> '[]' OR licenses_json <> '[]'`
  )
  const version = db.prepare<[], { value: number }>(
    "SELECT value FROM ingest_state WHERE key = 'store_version'"
  )
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n')
  const parseAll = (rows: { json: string }[]) =>
    rows.map((r) => parseRow(r.json)).filter((p): p is LastReadPerson => p !== null)
  return {
    count: () => count.get()?.n ?? 0,
    /** Bumped by every sync transaction that wrote raw people or records (0020's ingest_state). */
    version: () => version.get()?.value ?? 0,
    /**
     * Changes whenever anything may have written the records: the store version, and any write at
     * all on this connection (total_changes) or by another one (data_version), e.g. records deleted
     * outside a sync. What is derived from the records is kept only while this stays the same.
     */
    recordsStamp: (): string =>
      `${version.get()?.value ?? 0}:${changes.get()?.n ?? 0}:${String(db.pragma('data_version', { simple: true }))}`,
    /** The first `n` people by Webex ID (stable between calls). */
    sample: (n: number) => parseAll(first.all(n)),
    all: () => parseAll(all.all()),
    /**
     * The next `n` people by Webex ID after `after` ('' for the first), and where the next slice
     * starts (null after the last one): lets the whole last read be parsed a slice at a time, in the
     * same order as `all`.
     */
    page(after: string, n: number): { people: LastReadPerson[]; next: string | null } {
      const rows = pageAfter.all(after, n)
      return {
        people: parseAll(rows),
        next: rows.length < n ? null : (rows.at(-1)?.webex_id ?? null)
      }
    },
    byIds: (ids: readonly string[]) => (ids.length ? parseAll(byIds.all(JSON.stringify(ids))) : []),
    /** Role and licence names per Webex ID as the last sync resolved them (SaaS user records). */
    resolvedNames(): Map<string, { roles: string[]; licenses: string[] }> {
      const out = new Map<string, { roles: string[]; licenses: string[] }>()
      for (const r of names.all())
        out.set(r.webex_id, {
          roles: JSON.parse(r.roles_json) as string[],
          licenses: JSON.parse(r.licenses_json) as string[]
        })
      return out
    }
  }
}
export type LastRead = ReturnType<typeof createLastRead>
