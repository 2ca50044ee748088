/**
 * The shape of `window.roster`: one function per request channel and one subscribe function per event
 * channel, nothing generic. The preload (Electron) and the test host's browser bridge both build it.
 */
import type { EventChannel, RequestChannel } from './channels'
import type { Envelope } from './envelope'
import type { EventPayload, RequestInput, RequestOutput } from './contract'

export type RosterApi = {
  readonly request: {
    readonly [C in RequestChannel]: (input: RequestInput<C>) => Promise<Envelope<RequestOutput<C>>>
  }
  readonly events: {
    readonly [E in EventChannel]: (listener: (payload: EventPayload<E>) => void) => () => void
  }
}
