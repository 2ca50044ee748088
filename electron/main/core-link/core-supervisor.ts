/**
 * Main's side of the core: starts the utilityProcess (through an injected `spawn`, so this file has no
 * Electron import and is unit-tested with a fake child), matches responses to calls, relays contract
 * events, answers the core's host requests after main's own allowlist check, and restarts the core
 * once if it dies. Calls made while the core starts are queued until it says `ready`; calls in flight
 * when it dies are answered with INTERNAL (they may or may not have run, so they are not replayed).
 */
import {
  isEventChannel,
  type EventChannel,
  type RequestChannel
} from '../../../shared/contract/channels'
import { eventContract } from '../../../shared/contract/contract'
import { fail, type Envelope } from '../../../shared/contract/envelope'
import type { HostToCore } from '../../core/host/port-protocol'
import { isAllowedCoreExternalUrl } from '../policy/external-url'
import { parseUrl } from '../policy/app-origin'
import { parseCoreMessage } from './core-message'

/** The running core process as main sees it (Electron's UtilityProcess behind a small adapter). */
export type CoreChild = {
  postMessage(message: HostToCore): void
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number) => void): void
  kill(): void
}

export type SupervisorLog = (
  level: 'info' | 'warn' | 'error',
  event: string,
  fields?: Record<string, unknown>
) => void

export type CoreSupervisorDeps = {
  spawn(): CoreChild
  /** Called only with URLs that passed `isAllowedCoreExternalUrl`. */
  openExternal(url: string): Promise<void>
  emitEvent(channel: EventChannel, payload: unknown): void
  log: SupervisorLog
  /** How many times a dead core is started again. The issue asks for one. */
  maxRestarts?: number
  /** How long `stop()` waits for the core to close its database before giving up on it. */
  stopTimeoutMs?: number
}

export type CoreState = 'idle' | 'starting' | 'ready' | 'stopped'

export type CoreSupervisor = {
  start(): void
  call(channel: RequestChannel, input: unknown): Promise<Envelope<unknown>>
  /** Asks the core to shut down (SIGTERM: it closes its database) and resolves once it exited. */
  stop(): Promise<void>
  state(): CoreState
}

export const CORE_STOPPED_MESSAGE =
  "Roster's background service stopped. Restart Roster; the details are in the log."
const CLOSING_MESSAGE = 'Roster is closing.'

type PendingCall = {
  message: HostToCore
  sent: boolean
  resolve(envelope: Envelope<unknown>): void
}

export function createCoreSupervisor(deps: CoreSupervisorDeps): CoreSupervisor {
  const maxRestarts = deps.maxRestarts ?? 1
  const pending = new Map<number, PendingCall>()
  let nextId = 1
  let state: CoreState = 'idle'
  let child: CoreChild | null = null
  let restarts = 0
  let fatalMessage: string | null = null
  let exited: (() => void) | null = null

  const stoppedEnvelope = () =>
    fail(
      'INTERNAL',
      fatalMessage === null
        ? CORE_STOPPED_MESSAGE
        : `Roster's background service could not start: ${fatalMessage}`
    )

  function settle(id: number, envelope: Envelope<unknown>) {
    const call = pending.get(id)
    if (call === undefined) return
    pending.delete(id)
    call.resolve(envelope)
  }

  function flushQueued() {
    if (state !== 'ready' || child === null) return
    for (const call of pending.values()) {
      if (call.sent) continue
      call.sent = true
      child.postMessage(call.message)
    }
  }

  function answerHostRequest(target: CoreChild, id: number, url: string) {
    const reply = (ok: boolean, message?: string) =>
      target.postMessage(
        message === undefined
          ? { kind: 'host-reply', id, ok }
          : { kind: 'host-reply', id, ok, message }
      )
    if (!isAllowedCoreExternalUrl(url)) {
      // Log the origin only: the query of an authorize URL carries the OAuth state.
      deps.log('warn', 'core.open-external-refused', {
        origin: parseUrl(url)?.origin ?? 'unparsable'
      })
      reply(false, 'That address is not on the list Roster may open.')
      return
    }
    deps.openExternal(url).then(
      () => reply(true),
      (err: unknown) => {
        deps.log('warn', 'core.open-external-failed', {
          error: err instanceof Error ? err.message : String(err)
        })
        reply(false, 'The system browser could not be opened.')
      }
    )
  }

  function onMessage(from: CoreChild, raw: unknown) {
    if (from !== child) return // a message from a core that has already been replaced
    const message = parseCoreMessage(raw)
    if (message === null) {
      deps.log('warn', 'core.bad-message', { kind: typeof raw })
      return
    }
    switch (message.kind) {
      case 'ready':
        state = 'ready'
        fatalMessage = null
        deps.log('info', 'core.ready', { restarts })
        flushQueued()
        return
      case 'response':
        settle(message.id, message.envelope)
        return
      case 'event': {
        if (!isEventChannel(message.channel)) {
          deps.log('warn', 'core.event-dropped', { reason: 'unknown-channel' })
          return
        }
        const parsed = eventContract[message.channel].safeParse(message.payload)
        if (!parsed.success) {
          deps.log('warn', 'core.event-dropped', { channel: message.channel, reason: 'schema' })
          return
        }
        deps.emitEvent(message.channel, parsed.data)
        return
      }
      case 'host-request':
        answerHostRequest(from, message.id, message.url)
        return
      case 'fatal':
        fatalMessage = message.message
        deps.log('error', 'core.fatal', { message: message.message })
        return
    }
  }

  function onExit(from: CoreChild, code: number) {
    if (state === 'stopped') {
      exited?.()
      return
    }
    if (from !== child) return
    child = null
    deps.log('error', 'core.exited', { code, restarts })
    // Calls the core had received may or may not have run: answer them, do not replay them.
    for (const [id, call] of pending) {
      if (call.sent) settle(id, fail('INTERNAL', CORE_STOPPED_MESSAGE))
    }
    if (restarts < maxRestarts) {
      restarts += 1
      spawnCore()
      return
    }
    state = 'stopped'
    for (const id of [...pending.keys()]) settle(id, stoppedEnvelope())
  }

  function spawnCore() {
    state = 'starting'
    let spawned: CoreChild
    try {
      spawned = deps.spawn()
    } catch (err) {
      deps.log('error', 'core.spawn-failed', {
        error: err instanceof Error ? err.message : String(err)
      })
      state = 'stopped'
      for (const id of [...pending.keys()]) settle(id, stoppedEnvelope())
      return
    }
    child = spawned
    spawned.onMessage((m) => onMessage(spawned, m))
    spawned.onExit((code) => onExit(spawned, code))
  }

  return {
    start() {
      if (state !== 'idle') return
      spawnCore()
    },
    call(channel, input) {
      if (state === 'stopped' || state === 'idle') return Promise.resolve(stoppedEnvelope())
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, {
          message: { kind: 'request', id, channel, input },
          sent: false,
          resolve
        })
        flushQueued()
      })
    },
    stop() {
      if (state === 'stopped') return Promise.resolve()
      state = 'stopped'
      const running = child
      child = null
      for (const id of [...pending.keys()]) settle(id, fail('INTERNAL', CLOSING_MESSAGE))
      if (running === null) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deps.stopTimeoutMs ?? 5000)
        exited = () => {
          clearTimeout(timer)
          resolve()
        }
        running.kill()
      })
    },
    state: () => state
  }
}
