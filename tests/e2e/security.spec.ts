import { expect, test } from './fixtures'

test('the page has no Node, a frozen bridge with no generic channel, and a strict CSP', async ({
  page,
  roster
}) => {
  // S2: nothing of Node in the page.
  const nodeGlobals = await page.evaluate<string[]>(
    "['require', 'process', 'module', 'Buffer'].filter((n) => typeof globalThis[n] !== 'undefined')"
  )
  expect(nodeGlobals).toEqual([])

  // S3: one function per contract channel, frozen; no generic invoke/send/on.
  const bridge = await page.evaluate<{ keys: string[]; frozen: boolean; invoke: string }>(
    '({ keys: Object.keys(window.roster), frozen: Object.isFrozen(window.roster.request), invoke: typeof window.roster.invoke })'
  )
  expect(bridge).toEqual({ keys: ['request', 'events'], frozen: true, invoke: 'undefined' })

  // S7: the CSP header is sent, and an inline script is refused.
  const res = await page.request.get(roster.host.url)
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'")
  expect(res.headers()['content-security-policy']).not.toContain('unsafe')
  const ran = await page.evaluate<boolean>(`new Promise((resolve) => {
    window.__inlineRan = false
    document.addEventListener('securitypolicyviolation', () => resolve(window.__inlineRan), { once: true })
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    document.body.appendChild(s)
  })`)
  expect(ran).toBe(false)

  // The host refuses to serve files outside the built renderer.
  for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
    expect((await page.request.get(new URL(path, roster.host.url).toString())).status()).toBe(404)
  }
})
