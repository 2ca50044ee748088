/**
 * Turns a GET /people response into items the listing can hand out, decoding and parsing as little
 * as possible: the body's bytes are scanned (page-scan.ts), the envelope is parsed and validated,
 * and each item is decoded, parsed and validated on its own only when the caller does not already
 * know its exact bytes. Any doubt (a body the scanner refuses, an item that fails alone) falls back
 * to the whole-page parse, whose error names the exact field, so a malformed page fails exactly as
 * it always did.
 */
import { parseJson, parseJsonText, type HttpResult } from './http'
import { scanPeoplePage } from './page-scan'
import { fastParsePerson, fastParsePersonPage, Person, PersonPage } from './schemas'

type Res = Pick<HttpResult, 'body' | 'bytes' | 'url' | 'trackingId'>

/**
 * One person of a page as Webex sent it: a range of the body's bytes, viewed and decoded only on
 * first use (a plain listing touches neither; a re-sync hashes the bytes and decodes the few people
 * it does not know).
 */
export class RawItem {
  #text: string | undefined
  #bytes: Buffer | undefined
  constructor(
    private readonly body: Buffer,
    private readonly start: number,
    private readonly end: number,
    text?: string
  ) {
    this.#text = text
  }
  get bytes(): Buffer {
    return (this.#bytes ??= this.body.subarray(this.start, this.end))
  }
  get text(): string {
    return (this.#text ??= this.decoded())
  }
  /**
   * The text without keeping it: parsing needs it once, and a sync stores the bytes, so 1.4 KB per
   * person need not live until the page is written (at 100k people, ≈ 0.4 s less garbage collection).
   */
  decoded(): string {
    return this.#text ?? this.body.toString('utf8', this.start, this.end)
  }
  /**
   * Takes the text from the decoded body when byte and character offsets agree (an ASCII body): a
   * slice shares the body's memory instead of decoding a copy.
   */
  shareText(decodedBody: string): void {
    if (decodedBody.length === this.body.length)
      this.#text ??= decodedBody.slice(this.start, this.end)
  }
  static ofText(text: string): RawItem {
    const body = Buffer.from(text, 'utf8')
    return new RawItem(body, 0, body.length, text)
  }
}

export type PageEntry = {
  id: string
  raw: RawItem
  /** Parsed and validated, or undefined while not (yet) parsed. */
  person: Person | undefined
}

/** The whole body parsed and validated: throws WebexMalformedResponseError with the precise issue. */
function parseWhole(res: Res): PageEntry[] {
  const json = parseJsonText(res)
  const page = fastParsePersonPage(json) ?? parseJson(PersonPage, json, res)
  // Item texts from a second, untouched parse: the fast parse normalises items in place. Only
  // bodies the scanner refused come here, which Webex does not send.
  const raw = (JSON.parse(res.body) as { items: unknown[] }).items
  return page.items.map((person, i) => ({
    id: person.id,
    raw: RawItem.ofText(JSON.stringify(raw[i])),
    person
  }))
}

/** Every item of the page in order (duplicates included), parsed only when the body is unusual. */
export function entriesOf(res: Res): PageEntry[] {
  const scan = scanPeoplePage(res.bytes)
  if (!scan || scan.items.some((item) => item.id === null)) return parseWhole(res)
  let envelope: unknown
  try {
    envelope = JSON.parse(scan.envelope)
  } catch {
    return parseWhole(res)
  }
  // The envelope's own fields (notFoundIds...) are validated like a page with no items.
  if (!PersonPage.safeParse(envelope).success) return parseWhole(res)
  return scan.items.map((item) => ({
    id: item.id ?? '',
    raw: new RawItem(res.bytes, item.start, item.end),
    person: undefined
  }))
}

/**
 * A page whose items' texts nobody keeps is parsed whole, as one JSON.parse: a thousand small
 * parses and decodes cost more, mostly in garbage collection. A sync keeps every item's text, so it
 * decodes and parses per item instead of decoding the page twice. False when the result does not
 * line up with the scan (then each item is parsed on its own, which reports any problem precisely).
 */
function parseAll(res: Res, entries: PageEntry[]): boolean {
  const json = parseJsonText(res)
  const page = fastParsePersonPage(json) ?? parseJson(PersonPage, json, res)
  if (page.items.length !== entries.length) return false
  if (!page.items.every((p, i) => p.id === entries[i]?.id)) return false
  const body = res.body
  page.items.forEach((person, i) => {
    const e = entries[i]
    if (!e) return
    e.person = person
    e.raw.shareText(body)
  })
  return true
}

/**
 * Parses and validates the entries that are not parsed yet, except those `skip` names; `textsKept`
 * says whether the caller keeps the items' texts (see parseAll).
 */
export function parseEntries(
  res: Res,
  entries: PageEntry[],
  skip: ReadonlySet<string>,
  textsKept: boolean
): void {
  const whole = !textsKept && skip.size === 0 && entries.every((e) => e.person === undefined)
  if (whole && parseAll(res, entries)) return
  for (const e of entries) {
    if (e.person !== undefined || skip.has(e.id)) continue
    let person: Person | undefined
    try {
      const json = JSON.parse(e.raw.decoded()) as unknown
      person = fastParsePerson(json) ?? Person.safeParse(json).data
    } catch {
      person = undefined
    }
    if (person === undefined || person.id !== e.id) {
      // Throws the whole page's precise error; a page that is valid as a whole is used as such.
      const whole = new Map(parseWhole(res).map((w) => [w.id, w.person]))
      person = whole.get(e.id)
      if (person === undefined) throw new Error(`Item ${e.id} vanished on a second parse`)
    }
    e.person = person
  }
}
