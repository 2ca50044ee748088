/**
 * The test host's stand-in for the Electron preload: defines `window.roster` (the same RosterApi) over
 * a WebSocket to the host, which hands each call to the real core. Bundled on the fly by the host and
 * loaded as a classic script before the app's module script, so the app finds `window.roster` ready.
 */
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../shared/contract/channels'
import type { RosterApi } from '../../../shared/contract/api'
import type { Envelope } from '../../../shared/contract/envelope'

type CoreMessage =
  | { kind: 'response'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; channel: string; payload: unknown }

const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/__host/ws`
const socket = new WebSocket(socketUrl)
const pending = new Map<number, (envelope: Envelope<unknown>) => void>()
const listeners = new Map<string, Set<(payload: unknown) => void>>()
const queue: string[] = []
let nextId = 1

const lost = (): Envelope<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: 'The connection to Roster was lost. Reload the page.' }
})

socket.addEventListener('open', () => {
  for (const frame of queue.splice(0)) socket.send(frame)
})
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) resolve(lost())
  pending.clear()
})
socket.addEventListener('message', (e: MessageEvent<string>) => {
  const msg = JSON.parse(e.data) as CoreMessage
  if (msg.kind === 'response') {
    pending.get(msg.id)?.(msg.envelope)
    pending.delete(msg.id)
  } else if (msg.kind === 'event') {
    listeners.get(msg.channel)?.forEach((l) => l(msg.payload))
  }
})

function send(channel: string, input: unknown): Promise<Envelope<unknown>> {
  if (socket.readyState > WebSocket.OPEN) return Promise.resolve(lost())
  const id = nextId++
  const frame = JSON.stringify({ kind: 'request', id, channel, input })
  return new Promise((resolve) => {
    pending.set(id, resolve)
    if (socket.readyState === WebSocket.OPEN) socket.send(frame)
    else queue.push(frame)
  })
}

function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  const set = listeners.get(channel) ?? new Set()
  listeners.set(channel, set)
  set.add(listener)
  return () => set.delete(listener)
}

// One named function per channel, nothing generic, frozen: the same surface as the preload.
const request = Object.freeze(
  Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, (input: unknown) => send(c, input)]))
)
const events = Object.freeze(
  Object.fromEntries(
    EVENT_CHANNELS.map((c) => [c, (listener: (p: unknown) => void) => subscribe(c, listener)])
  )
)
const api = Object.freeze({ request, events }) as unknown as RosterApi

Object.defineProperty(window, 'roster', { value: api, enumerable: true })
