/**
 * Stands in for the system browser during tests: opening the authorize URL means GETting it and
 * following redirects by hand, as a browser would, so the simulator's auto-approving /authorize
 * lands on the core's loopback callback. Only loopback http and https are followed.
 */
const MAX_HOPS = 10

function allowed(url: URL): boolean {
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost')
}

export async function followLikeABrowser(start: string): Promise<void> {
  let url = new URL(start)
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    if (!allowed(url)) throw new Error(`test browser refuses ${url.protocol}//${url.host}`)
    const res = await fetch(url, { redirect: 'manual' })
    const location = res.headers.get('location')
    await res.arrayBuffer() // drain the body so the connection is released
    if (res.status < 300 || res.status >= 400 || !location) return
    url = new URL(location, url)
  }
  throw new Error('test browser: too many redirects')
}

/**
 * The host's `openExternal`. Like shell.openExternal it resolves once the "browser" has the URL, not
 * when the admin has approved. ROSTER_TEST_BROWSER=ignore plays an admin who never approves, so tests
 * can see the waiting state and cancel it.
 */
export function createTestBrowser(mode: string | undefined): (url: string) => Promise<void> {
  if (mode === 'ignore') return () => Promise.resolve()
  return (url) => {
    if (!allowed(new URL(url))) return Promise.reject(new Error('test browser refuses this URL'))
    followLikeABrowser(url).catch((err: unknown) => {
      // The message never holds the URL: its query carries the OAuth state.
      console.error(`Roster test host: test browser failed: ${(err as Error).message}`)
    })
    return Promise.resolve()
  }
}
