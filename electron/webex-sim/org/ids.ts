/** Webex-style opaque IDs: base64url of `ciscospark://us/<KIND>/<value>` (webex-api.md §1). */
export type IdKind = 'PEOPLE' | 'ORGANIZATION' | 'ROLE' | 'LICENSE' | 'LOCATION'

export function webexId(kind: IdKind, value: string): string {
  return Buffer.from(`ciscospark://us/${kind}/${value}`, 'utf8').toString('base64url')
}

/** The kind and value inside an ID, or null when it is not one of ours. */
export function decodeWebexId(id: string): { kind: string; value: string } | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(id)) return null
  const text = Buffer.from(id, 'base64url').toString('utf8')
  const m = /^ciscospark:\/\/us\/([A-Z]+)\/(.+)$/.exec(text)
  return m ? { kind: m[1] ?? '', value: m[2] ?? '' } : null
}
