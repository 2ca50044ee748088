/**
 * Cursors for GET /people. A cursor is opaque base64url JSON naming the listing, the page number and
 * the last seq served before that page. Seqs never change, so creates, edits and deletes during a
 * listing never shift it. Page numbers let the fault engine target "page N" of one listing.
 */
export type Cursor = { l: number; p: number; s: number }

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url')
}

/** The cursor, or null when the text is not one this server issued. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (typeof v !== 'object' || v === null) return null
    const { l, p, s } = v as Record<string, unknown>
    const ok = [l, p, s].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0)
    return ok && (p as number) >= 1 ? { l: l as number, p: p as number, s: s as number } : null
  } catch {
    return null
  }
}

/** Remembers where each page of recent listings started, for loop and repeat faults. */
export class ListingRegistry {
  private nextId = 1
  private readonly listings = new Map<
    number,
    { starts: Map<number, number>; repeated: Set<number> }
  >()

  start(): number {
    const id = this.nextId++
    this.listings.set(id, { starts: new Map([[1, 0]]), repeated: new Set() })
    // Keep memory bounded: forget the oldest listings.
    if (this.listings.size > 1000) {
      const oldest = this.listings.keys().next().value
      if (oldest !== undefined) this.listings.delete(oldest)
    }
    return id
  }

  recordStart(listing: number, page: number, afterSeq: number): void {
    this.listings.get(listing)?.starts.set(page, afterSeq)
  }

  pageStart(listing: number, page: number): number {
    return this.listings.get(listing)?.starts.get(page) ?? 0
  }

  /** True the first time a page of a listing asks; false afterwards. */
  firstRepeat(listing: number, page: number): boolean {
    const rec = this.listings.get(listing)
    if (!rec || rec.repeated.has(page)) return false
    rec.repeated.add(page)
    return true
  }
}
