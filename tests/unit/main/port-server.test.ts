import { describe, expect, it, vi } from 'vitest'
import {
  createHostBridge,
  parseHostMessage,
  servePort,
  type MessagePortLike
} from '../../../electron/core/host/port-server'
import type { Core } from '../../../electron/core/host/core-types'
import type { CoreToHost } from '../../../electron/core/host/port-protocol'
import type { EventChannel } from '../../../shared/contract/channels'
import type { Envelope } from '../../../shared/contract/envelope'
import {
  createCoreSupervisor,
  type CoreChild
} from '../../../electron/main/core-link/core-supervisor'

class FakePort implements MessagePortLike {
  readonly posted: CoreToHost[] = []
  private listeners = new Set<(m: unknown) => void>()
  postMessage(message: CoreToHost) {
    this.posted.push(structuredClone(message))
  }
  on(_event: 'message', listener: (m: unknown) => void) {
    this.listeners.add(listener)
  }
  off(_event: 'message', listener: (m: unknown) => void) {
    this.listeners.delete(listener)
  }
  deliver(message: unknown) {
    for (const l of [...this.listeners]) l(structuredClone(message))
  }
  listenerCount() {
    return this.listeners.size
  }
}

function fakeCore(answer: (channel: unknown, input: unknown) => Promise<Envelope<unknown>>) {
  const listeners = new Set<(channel: EventChannel, payload: unknown) => void>()
  const call = vi.fn(answer)
  const core: Core = {
    call,
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => Promise.resolve()
  }
  const emit = (channel: EventChannel, payload: unknown) => {
    for (const l of listeners) l(channel, payload)
  }
  return { core, call, emit, listenerCount: () => listeners.size }
}

const flush = () => new Promise<void>((r) => setImmediate(r))

describe('parseHostMessage', () => {
  it('accepts requests and host replies and nothing else', () => {
    expect(parseHostMessage({ kind: 'request', id: 1, channel: 'c', input: { a: 1 } })).toEqual({
      kind: 'request',
      id: 1,
      channel: 'c',
      input: { a: 1 }
    })
    expect(parseHostMessage({ kind: 'host-reply', id: 2, ok: false, message: 'no' })).toEqual({
      kind: 'host-reply',
      id: 2,
      ok: false,
      message: 'no'
    })
    for (const bad of [
      null,
      'x',
      { kind: 'request', id: -1, channel: 'c' },
      { kind: 'request', id: 1 },
      { kind: 'host-reply', id: 1 },
      { kind: 'ready' }
    ]) {
      expect(parseHostMessage(bad)).toBeNull()
    }
  })
})

describe('servePort', () => {
  it('runs requests through core.call and answers with the same id', async () => {
    const port = new FakePort()
    const { core, call } = fakeCore((channel) =>
      Promise.resolve({ ok: true, value: `answer:${String(channel)}` })
    )
    servePort(core, port)
    port.deliver({ kind: 'request', id: 4, channel: 'credentials:list', input: undefined })
    port.deliver({ kind: 'request', id: 5, channel: 'app:get-status', input: undefined })
    port.deliver({ kind: 'garbage' })
    await flush()
    expect(call).toHaveBeenCalledTimes(2)
    expect(port.posted).toEqual([
      { kind: 'response', id: 4, envelope: { ok: true, value: 'answer:credentials:list' } },
      { kind: 'response', id: 5, envelope: { ok: true, value: 'answer:app:get-status' } }
    ])
  })

  it('answers INTERNAL if the core breaks its never-throws promise', async () => {
    const port = new FakePort()
    const { core } = fakeCore(() => Promise.reject(new Error('boom at /home/x/secret')))
    servePort(core, port)
    port.deliver({ kind: 'request', id: 1, channel: 'credentials:list', input: undefined })
    await flush()
    expect(port.posted).toEqual([
      {
        kind: 'response',
        id: 1,
        envelope: { ok: false, error: { code: 'INTERNAL', message: expect.any(String) as string } }
      }
    ])
    expect(JSON.stringify(port.posted)).not.toContain('secret')
  })

  it('forwards core events until disposed', () => {
    const port = new FakePort()
    const { core, emit, listenerCount } = fakeCore(() => Promise.resolve({ ok: true, value: null }))
    const dispose = servePort(core, port)
    emit('credentials:changed', { credentials: [] })
    expect(port.posted).toEqual([
      { kind: 'event', channel: 'credentials:changed', payload: { credentials: [] } }
    ])
    dispose()
    emit('credentials:changed', { credentials: [] })
    expect(port.posted).toHaveLength(1)
    expect(listenerCount()).toBe(0)
    expect(port.listenerCount()).toBe(0)
  })
})

describe('createHostBridge', () => {
  it('asks the host to open a URL and settles on the matching reply', async () => {
    const port = new FakePort()
    const bridge = createHostBridge(port)
    const a = bridge.services.openExternal('https://webexapis.com/v1/authorize')
    const b = bridge.services.openExternal('file:///etc/passwd')
    const [ra, rb] = port.posted
    expect(ra).toEqual({
      kind: 'host-request',
      id: 1,
      action: 'open-external',
      url: 'https://webexapis.com/v1/authorize'
    })
    expect(rb).toMatchObject({ kind: 'host-request', id: 2 })
    port.deliver({ kind: 'host-reply', id: 2, ok: false, message: 'not allowed' })
    port.deliver({ kind: 'host-reply', id: 1, ok: true })
    port.deliver({ kind: 'host-reply', id: 99, ok: true }) // unknown id: ignored
    await expect(a).resolves.toBeUndefined()
    await expect(b).rejects.toThrow('not allowed')
  })

  it('rejects waiting requests on dispose', async () => {
    const port = new FakePort()
    const bridge = createHostBridge(port)
    const waiting = bridge.services.openExternal('https://help.webex.com/')
    bridge.dispose()
    await expect(waiting).rejects.toThrow()
    expect(port.listenerCount()).toBe(0)
  })
})

describe('main supervisor ⇄ core port, wired together in memory', () => {
  it('carries a call, an event and an open-external round trip end to end', async () => {
    const port = new FakePort()
    const mainListeners: Array<(m: unknown) => void> = []
    // The child as main sees it: main's posts land on the core's port, the core's posts reach main.
    const child: CoreChild = {
      postMessage: (m) => port.deliver(m),
      onMessage: (l) => mainListeners.push(l),
      onExit: () => undefined,
      kill: () => undefined
    }
    const realPost = port.postMessage.bind(port)
    port.postMessage = (m) => {
      realPost(m)
      for (const l of mainListeners) l(structuredClone(m))
    }
    const opened: string[] = []
    const events: unknown[] = []
    const supervisor = createCoreSupervisor({
      spawn: () => child,
      openExternal: (url) => {
        opened.push(url)
        return Promise.resolve()
      },
      emitEvent: (channel, payload) => events.push({ channel, payload }),
      log: () => undefined
    })
    supervisor.start()

    const bridge = createHostBridge(port)
    const { core, emit } = fakeCore(async (channel) => {
      await bridge.services.openExternal('http://127.0.0.1:8765/authorize')
      return { ok: true, value: { ran: channel } }
    })
    servePort(core, port)
    const result = supervisor.call('credentials:authenticate', { id: 'c1' })
    port.postMessage({ kind: 'ready' })
    await expect(result).resolves.toEqual({ ok: true, value: { ran: 'credentials:authenticate' } })
    expect(opened).toEqual(['http://127.0.0.1:8765/authorize'])

    emit('credentials:changed', { credentials: [] })
    expect(events).toEqual([{ channel: 'credentials:changed', payload: { credentials: [] } }])
  })
})
