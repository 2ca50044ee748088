/**
 * The core's side of the host protocol (port-protocol.ts), independent of the transport: Electron's
 * `process.parentPort`, or any object that can post a message and report incoming ones. Two parts,
 * because the core needs its host services while it is still being created:
 *  - `createHostBridge(port)`: the CoreHostServices the core is built with; it sends `host-request`
 *    messages and resolves them on the matching `host-reply`.
 *  - `servePort(core, port)`: runs `request` messages through `core.call` and forwards core events.
 */
import type { CoreToHost, HostToCore } from './port-protocol'
import type { Core, CoreHostServices } from './core-types'

export type MessagePortLike = {
  postMessage(message: CoreToHost): void
  on(event: 'message', listener: (message: unknown) => void): void
  off?(event: 'message', listener: (message: unknown) => void): void
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** Narrows an incoming message; anything malformed is ignored (the host is trusted but may be buggy). */
export function parseHostMessage(raw: unknown): HostToCore | null {
  if (!isRecord(raw) || !isId(raw.id)) return null
  if (raw.kind === 'request' && typeof raw.channel === 'string') {
    return { kind: 'request', id: raw.id, channel: raw.channel, input: raw.input }
  }
  if (raw.kind === 'host-reply' && typeof raw.ok === 'boolean') {
    return typeof raw.message === 'string'
      ? { kind: 'host-reply', id: raw.id, ok: raw.ok, message: raw.message }
      : { kind: 'host-reply', id: raw.id, ok: raw.ok }
  }
  return null
}

export type HostBridge = { services: CoreHostServices; dispose(): void }

export function createHostBridge(port: MessagePortLike): HostBridge {
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>()
  let nextId = 1
  const onMessage = (raw: unknown) => {
    const message = parseHostMessage(raw)
    if (message?.kind !== 'host-reply') return
    const entry = waiting.get(message.id)
    if (entry === undefined) return
    waiting.delete(message.id)
    if (message.ok) entry.resolve()
    else entry.reject(new Error(message.message ?? 'The host refused the request.'))
  }
  port.on('message', onMessage)
  return {
    services: {
      openExternal: (url) =>
        new Promise<void>((resolve, reject) => {
          const id = nextId++
          waiting.set(id, { resolve, reject })
          port.postMessage({ kind: 'host-request', id, action: 'open-external', url })
        })
    },
    dispose() {
      port.off?.('message', onMessage)
      for (const entry of waiting.values()) entry.reject(new Error('The host connection closed.'))
      waiting.clear()
    }
  }
}

/** Serves requests and events until the returned function is called. */
export function servePort(core: Core, port: MessagePortLike): () => void {
  const onMessage = (raw: unknown) => {
    const message = parseHostMessage(raw)
    if (message?.kind !== 'request') return
    // core.call never throws (it answers with an envelope); the catch covers a broken core anyway.
    core.call(message.channel, message.input).then(
      (envelope) => port.postMessage({ kind: 'response', id: message.id, envelope }),
      () =>
        port.postMessage({
          kind: 'response',
          id: message.id,
          envelope: {
            ok: false,
            error: { code: 'INTERNAL', message: 'Something went wrong inside Roster.' }
          }
        })
    )
  }
  port.on('message', onMessage)
  const unsubscribe = core.onEvent((channel, payload) =>
    port.postMessage({ kind: 'event', channel, payload })
  )
  return () => {
    port.off?.('message', onMessage)
    unsubscribe()
  }
}
