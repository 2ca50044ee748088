/**
 * The live org: people kept in creation order (a monotonically increasing `seq`), with an id index and
 * an email index. Deletes leave a tombstone until compaction, so a cursor (the last seq served) stays
 * valid while people are created, changed or deleted: nobody is skipped or served twice.
 */
import type { PersonWire } from '../../core/webex/schemas'
import type { GeneratedOrg } from './generate'

export type Entry = { seq: number; person: PersonWire; deleted: boolean }

export class OrgStore {
  private entries: Entry[] = []
  private readonly byId = new Map<string, Entry>()
  private readonly byEmail = new Map<string, Entry>()
  private nextSeq = 1
  private tombstones = 0

  constructor(
    readonly data: Omit<GeneratedOrg, 'people'>,
    people: PersonWire[]
  ) {
    for (const p of people) this.insert(p)
  }

  count(): number {
    return this.byId.size
  }

  get(id: string): PersonWire | undefined {
    return this.byId.get(id)?.person
  }

  entry(id: string): Entry | undefined {
    return this.byId.get(id)
  }

  byEmailAddress(email: string): PersonWire | undefined {
    return this.byEmail.get(email.toLowerCase())?.person
  }

  /** Whether `email` is taken by someone other than `exceptId`. */
  emailTaken(email: string, exceptId?: string): boolean {
    const e = this.byEmail.get(email.toLowerCase())
    return e !== undefined && e.person.id !== exceptId
  }

  all(): PersonWire[] {
    const out: PersonWire[] = []
    for (const e of this.entries) if (!e.deleted) out.push(e.person)
    return out
  }

  insert(person: PersonWire): PersonWire {
    const entry: Entry = { seq: this.nextSeq++, person, deleted: false }
    this.entries.push(entry)
    this.byId.set(person.id, entry)
    for (const email of person.emails ?? []) this.byEmail.set(email.toLowerCase(), entry)
    return person
  }

  /** Swap in a new version of a person (same id), keeping its place in the listing order. */
  replace(person: PersonWire): PersonWire {
    const entry = this.byId.get(person.id)
    if (!entry) throw new Error(`no person ${person.id}`)
    for (const email of entry.person.emails ?? []) this.byEmail.delete(email.toLowerCase())
    entry.person = person
    for (const email of person.emails ?? []) this.byEmail.set(email.toLowerCase(), entry)
    return person
  }

  remove(id: string): boolean {
    const entry = this.byId.get(id)
    if (!entry) return false
    entry.deleted = true
    this.byId.delete(id)
    for (const email of entry.person.emails ?? []) this.byEmail.delete(email.toLowerCase())
    this.tombstones++
    // Compact once tombstones are a quarter of the array: cursors hold seqs, not indexes, so this is safe.
    if (this.tombstones > 1000 && this.tombstones * 4 > this.entries.length) {
      this.entries = this.entries.filter((e) => !e.deleted)
      this.tombstones = 0
    }
    return true
  }

  /**
   * Up to `limit` live people with seq > afterSeq that pass `accept`, in seq order, and whether more
   * such people exist after them.
   */
  scan(
    afterSeq: number,
    limit: number,
    accept: (p: PersonWire, seq: number) => boolean
  ): { people: PersonWire[]; lastSeq: number; more: boolean } {
    const people: PersonWire[] = []
    let lastSeq = afterSeq
    for (let i = this.firstIndexAfter(afterSeq); i < this.entries.length; i++) {
      const e = this.entries[i]
      if (!e || e.deleted || !accept(e.person, e.seq)) continue
      if (people.length === limit) return { people, lastSeq, more: true }
      people.push(e.person)
      lastSeq = e.seq
    }
    return { people, lastSeq, more: false }
  }

  /** Binary search: entries are sorted by seq. */
  private firstIndexAfter(seq: number): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.entries[mid]?.seq ?? Infinity) <= seq) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
