/** Window security baseline (security.md S1–S10) checked in the running app. */
import { expect, skipWithoutElectron, test } from './fixtures'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../shared/contract/channels'
import type { PageGlobals, WithLastWebPreferences } from './page-types'

skipWithoutElectron()

test('every window has the secure webPreferences (S1)', async ({ app, page }) => {
  await page.waitForLoadState('load')
  const prefs = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      const p = (w.webContents as unknown as WithLastWebPreferences).getLastWebPreferences()
      return p === null
        ? null
        : {
            contextIsolation: p.contextIsolation,
            sandbox: p.sandbox,
            nodeIntegration: p.nodeIntegration,
            nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
            webSecurity: p.webSecurity,
            webviewTag: p.webviewTag,
            experimentalFeatures: p.experimentalFeatures ?? false,
            enableBlinkFeatures: p.enableBlinkFeatures ?? ''
          }
    })
  )
  expect(prefs.length).toBeGreaterThan(0)
  for (const p of prefs) {
    expect(p).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: ''
    })
  }
})

test('the page has no Node (S2) and only the typed window.roster (S3)', async ({ page }) => {
  const probe = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      rosterKeys: Object.keys(g.roster).sort(),
      requestKeys: Object.keys(g.roster.request).sort(),
      eventKeys: Object.keys(g.roster.events).sort(),
      generic: ['invoke', 'send', 'on', 'ipcRenderer'].filter((k) => k in g.roster),
      ipcRenderer: typeof g.ipcRenderer
    }
  })
  expect(probe).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    rosterKeys: ['events', 'request'],
    requestKeys: [...REQUEST_CHANNELS].sort(),
    eventKeys: [...EVENT_CHANNELS].sort(),
    generic: [],
    ipcRenderer: 'undefined'
  })
})

test('the UI is served from app:// with the CSP header, and traversal gets 404 (S6, S7)', async ({
  page
}) => {
  expect(page.url().startsWith('app://app/')).toBe(true)
  const answers = await page.evaluate(async () => {
    const status = async (url: string) => (await fetch(url)).status
    const index = await fetch('app://app/index.html')
    return {
      csp: index.headers.get('content-security-policy'),
      type: index.headers.get('content-type'),
      dotdot: await status('app://app/../../etc/passwd'),
      encoded: await status('app://app/..%2f..%2f..%2fetc%2fpasswd'),
      missing: await status('app://app/nope.js')
    }
  })
  expect(answers.csp).toContain("script-src 'self'")
  expect(answers.type).toContain('text/html')
  expect(answers).toMatchObject({ dotdot: 404, encoded: 404, missing: 404 })
})

test('eval and inline scripts are blocked by the CSP (S7)', async ({ page }) => {
  const result = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    let evalOutcome = 'ran'
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point of the test
      ;(new Function('return 1') as () => number)()
    } catch (err) {
      evalOutcome = err instanceof Error ? err.name : 'threw'
    }
    const marker = '__inlineRan'
    const script = g.document.createElement('script')
    script.textContent = `window.${marker} = true`
    g.document.head.appendChild(script)
    return { evalOutcome, inlineRan: g[marker] === true }
  })
  expect(result).toEqual({ evalOutcome: 'EvalError', inlineRan: false })
})

test('navigation away from app:// is blocked (S8)', async ({ app, page }) => {
  const seen = app.evaluate(
    ({ BrowserWindow }) =>
      new Promise<{ url: string; prevented: boolean }>((resolve) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents
        // Registered after main's own handler, so it sees main's verdict.
        contents.once('will-navigate', (event, url) =>
          resolve({ url, prevented: event.defaultPrevented })
        )
      })
  )
  await page.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).location.href = 'https://example.org/'
  })
  expect(await seen).toEqual({ url: 'https://example.org/', prevented: true })
  expect(page.url().startsWith('app://app/')).toBe(true)
})

test('window.open is denied; allowlisted help links go to the system browser only (S9)', async ({
  app,
  page
}) => {
  await app.evaluate(({ shell }) => {
    const opened: string[] = []
    ;(globalThis as unknown as { __opened: string[] }).__opened = opened
    shell.openExternal = (url: string) => {
      opened.push(url)
      return Promise.resolve()
    }
  })
  const returned = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    return [
      g.open('https://example.org/') === null,
      g.open('file:///etc/passwd') === null,
      g.open('https://developer.webex.com/docs') === null
    ]
  })
  expect(returned).toEqual([true, true, true])
  const state = await app.evaluate(({ BrowserWindow }) => ({
    windows: BrowserWindow.getAllWindows().length,
    opened: (globalThis as unknown as { __opened: string[] }).__opened
  }))
  expect(state).toEqual({ windows: 1, opened: ['https://developer.webex.com/docs'] })
})

test('permission requests are denied: getUserMedia rejects (S10)', async ({ page }) => {
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as PageGlobals).navigator.mediaDevices
      .getUserMedia({ audio: true, video: true })
      .then(
        () => 'granted',
        (err: unknown) => (err instanceof Error ? err.name : 'rejected')
      )
  )
  expect(outcome).not.toBe('granted')
})
