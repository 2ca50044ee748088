/**
 * Entry of the core when it runs as Electron's utilityProcess (built to out/main/core.js). Plain Node:
 * no `electron` import. Electron main forks it with ROSTER_DATA_DIR and ROSTER_APP_VERSION set and
 * talks to it over `process.parentPort` with the messages in host/port-protocol.ts.
 */
import { createCore } from './host/core'
import type { Core } from './host/core-types'
import type { CoreToHost } from './host/port-protocol'
import { createHostBridge, servePort, type MessagePortLike } from './host/port-server'

/** The part of Electron's ParentPort this file uses (declared here to keep electron types out). */
type ParentPort = {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

function adaptParentPort(parentPort: ParentPort): MessagePortLike {
  return {
    postMessage: (message: CoreToHost) => parentPort.postMessage(message),
    on: (_event, listener) => parentPort.on('message', (event) => listener(event.data))
  }
}

function startupMessage(err: unknown): string {
  // Plain words only: no stack, which could carry paths the admin does not need in a dialog.
  const text = err instanceof Error ? err.message : String(err)
  return text.split('\n')[0]?.slice(0, 500) || 'Unknown error.'
}

async function main(): Promise<void> {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
  if (parentPort === undefined) {
    process.stderr.write('core/entry: must be started by Electron as a utilityProcess\n')
    process.exit(2)
  }
  const port = adaptParentPort(parentPort)
  const dataDir = process.env.ROSTER_DATA_DIR
  const appVersion = process.env.ROSTER_APP_VERSION ?? '0.0.0'

  let core: Core
  try {
    if (dataDir === undefined || dataDir === '') throw new Error('ROSTER_DATA_DIR is not set.')
    const bridge = createHostBridge(port)
    core = await createCore({ dataDir, appVersion, host: bridge.services })
  } catch (err) {
    port.postMessage({ kind: 'fatal', message: startupMessage(err) })
    // Let the message leave through the port before the process goes (a pragmatic grace period).
    setTimeout(() => process.exit(1), 200)
    return
  }

  servePort(core, port)
  port.postMessage({ kind: 'ready' })

  const shutdown = () => {
    core.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

void main()
