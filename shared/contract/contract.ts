/**
 * The contract between the renderer (through the preload or the test host) and the core: every request
 * channel with its input and output schema, every event channel with its payload schema. Names are
 * `domain:verb`. The core's handler map is typed against `requestContract`, so a missing handler fails
 * to compile; transports validate inputs against it before anything runs.
 */
import { z } from 'zod'
import type { EventChannel, RequestChannel } from './channels'
import { AppStatus } from './app-status'
import {
  CreateCredentialInput,
  Credential,
  CredentialId,
  UpdateCredentialInput
} from '../domain/credential'

const none = z.undefined()
const byId = z.object({ id: CredentialId })

export const requestContract = {
  'app:get-status': { input: none, output: AppStatus },
  'credentials:list': { input: none, output: z.array(Credential) },
  'credentials:create': { input: CreateCredentialInput, output: Credential },
  'credentials:update': { input: UpdateCredentialInput, output: Credential },
  'credentials:delete': { input: byId, output: z.object({ deleted: z.literal(true) }) },
  /** Runs the OAuth authorization-code flow with PKCE in the system browser; resolves when it ends. */
  'credentials:authenticate': { input: byId, output: Credential },
  'credentials:cancel-authentication': {
    input: byId,
    output: z.object({ cancelled: z.boolean() })
  },
  /** Calls /people/me with the stored token (refreshing it if due) and records who it is. */
  'credentials:verify': { input: byId, output: Credential },
  /** Starts the built-in demo organization (the simulator, inside the core) and its demo credential. */
  'demo:start': { input: none, output: Credential }
} as const satisfies Record<RequestChannel, { input: z.ZodType; output: z.ZodType }>

export const eventContract = {
  'credentials:changed': z.object({ credentials: z.array(Credential) }),
  'app:status-changed': AppStatus
} as const satisfies Record<EventChannel, z.ZodType>

export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>
export type RequestOutput<C extends RequestChannel> = z.output<
  (typeof requestContract)[C]['output']
>
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>
