/**
 * The relay's gate for one renderer call: sender first (a foreign frame learns nothing about the
 * contract), then the channel, then the input schema. The result is either the parsed input (unknown
 * keys stripped, defaults applied) for the core, or an error envelope the renderer gets back as is.
 * The core validates again at its own edge; this check keeps junk and foreign callers out of it.
 */
import { isRequestChannel, type RequestChannel } from '../../../shared/contract/channels'
import { requestContract } from '../../../shared/contract/contract'
import { fail, type Envelope, type ErrorCode } from '../../../shared/contract/envelope'
import { formatIssues } from '../../core/host/dispatch'
import { checkSender, type SenderInfo } from './sender'

export type ValidatedCall =
  | { ok: true; channel: RequestChannel; input: unknown }
  | { ok: false; code: ErrorCode; reason: string; envelope: Envelope<never> }

const reject = (code: ErrorCode, reason: string, message: string): ValidatedCall => ({
  ok: false,
  code,
  reason,
  envelope: fail(code, message)
})

export function validateRendererCall(
  channel: unknown,
  input: unknown,
  sender: SenderInfo
): ValidatedCall {
  const verdict = checkSender(sender)
  if (!verdict.ok) {
    return reject('FORBIDDEN', verdict.reason, 'This page is not allowed to use Roster.')
  }
  if (!isRequestChannel(channel)) {
    return reject('UNKNOWN_CHANNEL', 'unknown-channel', 'That action does not exist.')
  }
  const parsed = requestContract[channel].input.safeParse(input)
  if (!parsed.success) {
    return reject('BAD_REQUEST', 'schema', formatIssues(parsed.error))
  }
  return { ok: true, channel, input: parsed.data }
}
