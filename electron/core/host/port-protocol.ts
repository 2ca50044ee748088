/**
 * Messages between a host (Electron main over a MessagePort, the test host over a WebSocket) and the
 * core. Requests carry an id; the core answers each with exactly one response. The core may ask its host
 * for things only the host can do (open the system browser).
 */
import type { Envelope } from '../../../shared/contract/envelope'

export type HostToCore =
  | { kind: 'request'; id: number; channel: string; input: unknown }
  | { kind: 'host-reply'; id: number; ok: boolean; message?: string }

export type CoreToHost =
  | { kind: 'response'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; channel: string; payload: unknown }
  | { kind: 'host-request'; id: number; action: 'open-external'; url: string }
  | { kind: 'ready' }
  | { kind: 'fatal'; message: string }
