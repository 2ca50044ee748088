/**
 * Builds `window.roster` from the channel lists: one function per request channel, one subscribe
 * function per event channel, nothing generic (security.md S3, style.md §5.1). Takes the IPC
 * functions as parameters so it is unit-tested without Electron. Imports only the zod-free channel
 * list and types: the sandboxed preload can require nothing but 'electron'.
 */
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../shared/contract/channels'
import type { RosterApi } from '../../shared/contract/api'

export type PreloadIpc = {
  invoke(channel: string, input: unknown): Promise<unknown>
  /** Subscribes; the listener gets the payload only (the IpcRendererEvent never reaches the page). */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

export function buildRosterApi(ipc: PreloadIpc): RosterApi {
  // Built from the list so a new channel needs no preload change. The casts only restate the mapped
  // types of RosterApi, which Object.fromEntries cannot express; a unit test checks the keys.
  const request = Object.freeze(
    Object.fromEntries(
      REQUEST_CHANNELS.map((channel) => [channel, (input: unknown) => ipc.invoke(channel, input)])
    )
  ) as unknown as RosterApi['request']
  const events = Object.freeze(
    Object.fromEntries(
      EVENT_CHANNELS.map((channel) => [
        channel,
        (listener: (payload: unknown) => void) => {
          if (typeof listener !== 'function') throw new TypeError('listener must be a function')
          return ipc.subscribe(channel, (payload) => listener(payload))
        }
      ])
    )
  ) as unknown as RosterApi['events']
  return Object.freeze({ request, events } satisfies RosterApi)
}
