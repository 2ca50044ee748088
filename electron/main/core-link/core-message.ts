/**
 * Messages from the core are checked before main acts on them: the core is our code, but a bug there
 * must not make main open an arbitrary URL or send the renderer something outside the contract.
 */
import { z } from 'zod'
import { envelopeOf } from '../../../shared/contract/envelope'
import type { CoreToHost } from '../../core/host/port-protocol'

const messageId = z.number().int().nonnegative()

const CoreToHostSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), id: messageId, envelope: envelopeOf(z.unknown()) }),
  z.object({ kind: z.literal('event'), channel: z.string(), payload: z.unknown() }),
  z.object({
    kind: z.literal('host-request'),
    id: messageId,
    action: z.literal('open-external'),
    url: z.string()
  }),
  z.object({ kind: z.literal('ready') }),
  z.object({ kind: z.literal('fatal'), message: z.string() })
])

export function parseCoreMessage(raw: unknown): CoreToHost | null {
  const parsed = CoreToHostSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}
