/** RFC 8288 (ex-5988) Link header parsing: Webex paginates with `Link: <url>; rel="next"`. */

export type LinkEntry = { url: string; rels: string[] }

export function parseLinkHeader(header: string | string[] | undefined): LinkEntry[] {
  if (header === undefined) return []
  const text = Array.isArray(header) ? header.join(', ') : header
  const out: LinkEntry[] = []
  // Entries are separated by commas that start a new <uri>; commas inside <…> are part of the URI.
  for (const part of text.split(/,\s*(?=<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/s.exec(part)
    if (!m) continue
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(m[2] ?? '')
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/).filter(Boolean)
    out.push({ url: m[1] ?? '', rels })
  }
  return out
}

/** The rel="next" target, resolved against the URL it came from; null on the last page. */
export function nextLinkOf(header: string | string[] | undefined, base: string): string | null {
  const next = parseLinkHeader(header).find((l) => l.rels.includes('next'))
  if (!next || next.url.trim() === '') return null
  try {
    return new URL(next.url.trim(), base).href
  } catch {
    return next.url
  }
}
