/**
 * The core's edge: every transport (Electron MessagePort, the test host's WebSocket, the CLI) hands raw
 * calls to `dispatch`, which checks the channel and the input against the contract, runs the handler
 * and wraps the answer in an envelope. Errors are turned into codes and plain messages here, once.
 */
import type { z } from 'zod'
import { isRequestChannel, type RequestChannel } from '../../../shared/contract/channels'
import {
  requestContract,
  type ParsedInput,
  type RequestOutput
} from '../../../shared/contract/contract'
import { fail, ok, type Envelope } from '../../../shared/contract/envelope'
import { isAppError } from '../errors'
import { mapSqliteError } from '../store/errors'

export type Handler<C extends RequestChannel> = (input: ParsedInput<C>) => Promise<RequestOutput<C>>
/** A missing channel is a compile error. */
export type HandlerMap = { [C in RequestChannel]: Handler<C> }

/** Runs a synchronous service call as a handler: its throw becomes a rejection, like an async one's. */
export function asPromise<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn())
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)))
  }
}

export type DispatchLog = (event: string, fields: Record<string, unknown>) => void

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
}

export async function dispatch(
  handlers: HandlerMap,
  channel: unknown,
  rawInput: unknown,
  log: DispatchLog
): Promise<Envelope<unknown>> {
  if (!isRequestChannel(channel)) {
    // The payload is never logged: it may hold a secret the renderer meant for another channel.
    log('contract.unknown-channel', {
      channel: typeof channel === 'string' ? channel.slice(0, 80) : typeof channel
    })
    return fail('UNKNOWN_CHANNEL', 'That action does not exist.')
  }
  const parsed = requestContract[channel].input.safeParse(rawInput)
  if (!parsed.success) {
    log('contract.bad-request', { channel })
    return fail('BAD_REQUEST', formatIssues(parsed.error))
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (thrown) {
    // A read's SQLite error (a damaged page, a busy file, a full disk) in plain words, not INTERNAL.
    const err = mapSqliteError(thrown)
    if (isAppError(err)) {
      log('contract.failed', { channel, code: err.code })
      return fail(err.code, err.message)
    }
    log('contract.internal-error', {
      channel,
      error: err instanceof Error ? err.message : String(err)
    })
    return fail('INTERNAL', 'Something went wrong inside Roster. The details are in the log.')
  }
}
