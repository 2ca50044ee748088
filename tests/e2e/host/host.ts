/**
 * The browser test host's process: serves the built renderer (out/renderer) on 127.0.0.1 with the real core behind
 * the same contract, over a WebSocket instead of Electron IPC.
 *
 *   ROSTER_DATA_DIR=/tmp/roster-data [ROSTER_HOST_PORT=0] [WEBEX_BASE_URL=...] npm run preview:browser
 *
 * Prints `Roster test host: http://127.0.0.1:<port>/` once it accepts connections (tests wait for it).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'
import type { Core, CoreOptions } from '../../../electron/core/host/core-types'
import { bridgeScript } from './bridge-bundle'
import { heldStartupCheck } from './held-startup-check'
import { createTestBrowser } from './open-external'
import { BRIDGE_PATH, send, serveStatic } from './static-files'
import { attachRelay } from './ws-relay'

const repoRoot = resolve(import.meta.dirname, '../../..')

function fail(message: string): never {
  console.error(`Roster test host: ${message}`)
  process.exit(1)
}

export async function runHost(createCore: (opts: CoreOptions) => Promise<Core>): Promise<void> {
  const dataDir = process.env.ROSTER_DATA_DIR
  if (!dataDir) fail('set ROSTER_DATA_DIR to the data folder to use')
  const rendererDir = resolve(process.env.ROSTER_RENDERER_DIR ?? resolve(repoRoot, 'out/renderer'))
  if (!existsSync(resolve(rendererDir, 'index.html')))
    fail(`no built renderer in ${rendererDir}: run \`npm run build:browser\` first`)
  mkdirSync(dataDir, { recursive: true })
  const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
    version: string
  }

  const core = await createCore({
    dataDir: resolve(dataDir),
    appVersion: pkg.version,
    host: { openExternal: createTestBrowser(process.env.ROSTER_TEST_BROWSER) },
    webexBaseUrl: process.env.WEBEX_BASE_URL,
    startupCheck: heldStartupCheck(resolve(dataDir), process.env.ROSTER_TEST_HOLD_STARTUP_CHECK)
  })

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (path === BRIDGE_PATH) {
      bridgeScript().then(
        (js) => send(res, 200, 'text/javascript; charset=utf-8', js),
        (err: unknown) => {
          console.error('Roster test host: bridge bundle failed', err)
          send(res, 500, 'text/plain; charset=utf-8', 'bridge bundle failed')
        }
      )
      return
    }
    void serveStatic(rendererDir, req, res)
  })
  const detachRelay = attachRelay(server, core)

  const port = Number(process.env.ROSTER_HOST_PORT ?? 0)
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok))
  const address = server.address()
  if (!address || typeof address === 'string') fail('server has no TCP address')
  console.log(`Roster test host: http://127.0.0.1:${address.port}/`)

  let closing = false
  const shutdown = (): void => {
    if (closing) return
    closing = true
    detachRelay()
    server.closeAllConnections()
    server.close()
    core.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Roster test host: core did not close cleanly', err)
        process.exit(1)
      }
    )
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}
