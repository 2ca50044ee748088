/**
 * Browser test host: serves the built renderer (out/renderer) on 127.0.0.1 with the real core behind
 * the same contract, over a WebSocket instead of Electron IPC.
 *
 *   ROSTER_DATA_DIR=/tmp/roster-data [ROSTER_HOST_PORT=0] [WEBEX_BASE_URL=...] npm run preview:browser
 *
 * Prints `Roster test host: http://127.0.0.1:<port>/` once it accepts connections (tests wait for it).
 */
import { createCore } from '../../../electron/core/host/core'
import { runHost } from './host'

runHost(createCore).catch((err: unknown) => {
  console.error('Roster test host failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
