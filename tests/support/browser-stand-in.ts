/**
 * Stands in for the system browser in tests: GETs a URL and follows redirects by hand, as a browser
 * would after the admin approves, so the simulator's auto-approving /authorize reaches the core's
 * loopback callback. Only loopback http and https hops are followed.
 */
export async function followLikeABrowser(url: string, maxHops = 10): Promise<void> {
  let next = url
  for (let hop = 0; hop < maxHops; hop++) {
    const u = new URL(next)
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
    if (!(u.protocol === 'https:' || (u.protocol === 'http:' && loopback)))
      throw new Error(`refusing to follow ${u.protocol}//${u.host}`)
    const res = await fetch(next, { redirect: 'manual' })
    await res.arrayBuffer()
    const location = res.headers.get('location')
    if (res.status < 300 || res.status >= 400 || !location) return
    next = new URL(location, next).href
  }
  throw new Error('too many redirects')
}
