/**
 * The renderer's one way to ask the core for something. Types come from the contract, so a wrong input
 * or a misread output is a compile error. A transport failure becomes an envelope too: callers handle
 * exactly one shape.
 */
import type { RequestChannel } from '../../../shared/contract/channels'
import type { RequestInput, RequestOutput } from '../../../shared/contract/contract'
import { fail, type Envelope } from '../../../shared/contract/envelope'

export async function call<C extends RequestChannel>(
  channel: C,
  input: RequestInput<C>
): Promise<Envelope<RequestOutput<C>>> {
  try {
    const send = window.roster.request[channel] as (
      i: RequestInput<C>
    ) => Promise<Envelope<RequestOutput<C>>>
    return await send(input)
  } catch {
    return fail('INTERNAL', 'Roster could not reach its background service. Try again.')
  }
}
