/**
 * The page's WebSocket to the core: each 'request' goes to core.call (which validates it against the
 * contract), each answer comes back as a 'response' with the same id, and core events are pushed to
 * every open page as 'event' messages. Only same-origin pages may connect.
 */
import type { IncomingMessage, Server } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../../../electron/core/host/core-types'
import type { CoreToHost } from '../../../electron/core/host/port-protocol'

export const WS_PATH = '/__host/ws'

type RequestFrame = { kind: 'request'; id: number; channel: unknown; input: unknown }

function parseRequest(data: string): RequestFrame | null {
  try {
    const msg = JSON.parse(data) as Partial<RequestFrame>
    return msg.kind === 'request' && typeof msg.id === 'number' ? (msg as RequestFrame) : null
  } catch {
    return null
  }
}

function sameOrigin(req: IncomingMessage): boolean {
  return req.headers.origin === `http://${req.headers.host ?? ''}`
}

export function attachRelay(server: Server, core: Core): () => void {
  const wss = new WebSocketServer({ noServer: true })
  const sendTo = (ws: WebSocket, msg: CoreToHost): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg))
  }

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (path !== WS_PATH || !sameOrigin(req)) {
      socket.destroy()
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (data, isBinary) => {
      // Text frames arrive as one Buffer (ws' default); anything else is not ours.
      if (isBinary || !Buffer.isBuffer(data)) return
      const msg = parseRequest(data.toString('utf8'))
      if (!msg) return
      void core.call(msg.channel, msg.input).then((envelope) => {
        sendTo(ws, { kind: 'response', id: msg.id, envelope })
      })
    })
  })

  const off = core.onEvent((channel, payload) => {
    for (const ws of wss.clients) sendTo(ws, { kind: 'event', channel, payload })
  })

  return () => {
    off()
    for (const ws of wss.clients) ws.terminate()
    wss.close()
  }
}
