import { describe, expect, it, vi } from 'vitest'
import {
  CORE_STOPPED_MESSAGE,
  createCoreSupervisor,
  type CoreChild,
  type CoreSupervisorDeps
} from '../../../electron/main/core-link/core-supervisor'
import type { HostToCore } from '../../../electron/core/host/port-protocol'
import type { AppStatus } from '../../../shared/contract/app-status'

/** A core process stand-in: records what main posts, lets the test speak for the core. */
class FakeChild implements CoreChild {
  readonly posted: HostToCore[] = []
  killed = false
  private messageListeners: Array<(m: unknown) => void> = []
  private exitListeners: Array<(code: number) => void> = []
  postMessage(message: HostToCore) {
    this.posted.push(structuredClone(message))
  }
  onMessage(l: (m: unknown) => void) {
    this.messageListeners.push(l)
  }
  onExit(l: (code: number) => void) {
    this.exitListeners.push(l)
  }
  kill() {
    this.killed = true
  }
  send(message: unknown) {
    for (const l of this.messageListeners) l(structuredClone(message))
  }
  exit(code: number) {
    for (const l of this.exitListeners) l(code)
  }
  requests() {
    return this.posted.filter((m) => m.kind === 'request')
  }
}

const status: AppStatus = {
  version: '1.0.0',
  firstRun: true,
  demoRunning: false,
  keychain: { available: true, message: null, reason: null },
  database: { healthy: true, message: null, latestBackup: null }
}

function setup(overrides: Partial<CoreSupervisorDeps> = {}) {
  const children: FakeChild[] = []
  const deps = {
    spawn: vi.fn(() => {
      const child = new FakeChild()
      children.push(child)
      return child
    }),
    openExternal: vi.fn(() => Promise.resolve()),
    emitEvent: vi.fn(),
    log: vi.fn(),
    ...overrides
  }
  const supervisor = createCoreSupervisor(deps)
  supervisor.start()
  const current = () => {
    const child = children.at(-1)
    if (child === undefined) throw new Error('no child spawned')
    return child
  }
  return { supervisor, deps, children, current }
}

/** Lets queued promise callbacks run (the supervisor answers through promises). */
const flush = () => new Promise<void>((r) => setImmediate(r))

describe('core supervisor', () => {
  it('queues calls until the core is ready, then relays them and matches responses by id', async () => {
    const { supervisor, current } = setup()
    const first = supervisor.call('credentials:list', undefined)
    const second = supervisor.call('credentials:delete', { id: 'a' })
    expect(current().requests()).toHaveLength(0)
    current().send({ kind: 'ready' })
    const [r1, r2] = current().requests()
    expect(r1).toMatchObject({ channel: 'credentials:list' })
    expect(r2).toMatchObject({ channel: 'credentials:delete', input: { id: 'a' } })
    // Answer out of order.
    current().send({
      kind: 'response',
      id: r2!.id,
      envelope: { ok: true, value: { deleted: true } }
    })
    current().send({ kind: 'response', id: r1!.id, envelope: { ok: true, value: [] } })
    await expect(first).resolves.toEqual({ ok: true, value: [] })
    await expect(second).resolves.toEqual({ ok: true, value: { deleted: true } })
    expect(supervisor.state()).toBe('ready')
  })

  it('relays contract events that match their schema and drops the rest', () => {
    const { deps, current } = setup()
    current().send({ kind: 'ready' })
    current().send({ kind: 'event', channel: 'app:status-changed', payload: status })
    current().send({ kind: 'event', channel: 'app:status-changed', payload: { version: 1 } })
    current().send({ kind: 'event', channel: 'shell:exec', payload: {} })
    current().send({ kind: 'nonsense' })
    expect(deps.emitEvent).toHaveBeenCalledTimes(1)
    expect(deps.emitEvent).toHaveBeenCalledWith('app:status-changed', status)
    expect(deps.log).toHaveBeenCalledWith('warn', 'core.event-dropped', expect.anything())
  })

  it('opens allowlisted URLs for the core and refuses others without calling the shell', async () => {
    const { deps, current } = setup()
    current().send({ kind: 'ready' })
    const good = 'https://webexapis.com/v1/authorize?state=abc'
    current().send({ kind: 'host-request', id: 1, action: 'open-external', url: good })
    current().send({
      kind: 'host-request',
      id: 2,
      action: 'open-external',
      url: 'file:///etc/passwd'
    })
    current().send({
      kind: 'host-request',
      id: 3,
      action: 'open-external',
      url: 'https://developer.webex.com@evil.test/'
    })
    await flush()
    expect(deps.openExternal).toHaveBeenCalledTimes(1)
    expect(deps.openExternal).toHaveBeenCalledWith(good)
    const replies = current().posted.filter((m) => m.kind === 'host-reply')
    expect(replies).toEqual([
      { kind: 'host-reply', id: 2, ok: false, message: expect.any(String) as string },
      { kind: 'host-reply', id: 3, ok: false, message: expect.any(String) as string },
      { kind: 'host-reply', id: 1, ok: true }
    ])
    // The refusal log carries the origin only, never the query (OAuth state lives there).
    expect(JSON.stringify(vi.mocked(deps.log).mock.calls)).not.toContain('state=abc')
  })

  it('tells the core when the system browser fails', async () => {
    const { current } = setup({
      openExternal: vi.fn(() => Promise.reject(new Error('no browser')))
    })
    current().send({ kind: 'ready' })
    current().send({
      kind: 'host-request',
      id: 7,
      action: 'open-external',
      url: 'https://help.webex.com/'
    })
    await flush()
    expect(current().posted).toContainEqual({
      kind: 'host-reply',
      id: 7,
      ok: false,
      message: expect.any(String) as string
    })
  })

  it('answers in-flight calls with INTERNAL when the core dies, restarts it once, and keeps serving', async () => {
    const { supervisor, deps, children, current } = setup()
    current().send({ kind: 'ready' })
    const inFlight = supervisor.call('credentials:list', undefined)
    current().exit(1)
    await expect(inFlight).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: CORE_STOPPED_MESSAGE }
    })
    expect(deps.spawn).toHaveBeenCalledTimes(2)
    expect(supervisor.state()).toBe('starting')

    // A call made while the new core starts waits for it instead of failing.
    const next = supervisor.call('app:get-status', undefined)
    current().send({ kind: 'ready' })
    const [request] = current().requests()
    current().send({ kind: 'response', id: request!.id, envelope: { ok: true, value: status } })
    await expect(next).resolves.toEqual({ ok: true, value: status })

    // Messages from the dead core are ignored.
    children[0]!.send({ kind: 'event', channel: 'app:status-changed', payload: status })
    expect(deps.emitEvent).not.toHaveBeenCalled()
  })

  it('gives up after the one restart: later calls fail fast with INTERNAL', async () => {
    const { supervisor, deps, current } = setup()
    current().exit(1)
    const queued = supervisor.call('credentials:list', undefined)
    current().exit(1)
    expect(deps.spawn).toHaveBeenCalledTimes(2)
    expect(supervisor.state()).toBe('stopped')
    await expect(queued).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await expect(supervisor.call('credentials:list', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' }
    })
  })

  it("passes a startup failure's plain message on to callers", async () => {
    const { supervisor, current } = setup({ maxRestarts: 0 })
    const call = supervisor.call('app:get-status', undefined)
    current().send({ kind: 'fatal', message: 'The database is from a newer Roster.' })
    current().exit(1)
    const result = await call
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL')
      expect(result.error.message).toContain('The database is from a newer Roster.')
    }
  })

  it('refuses a spawn failure without throwing', async () => {
    const { supervisor } = setup({
      spawn: () => {
        throw new Error('cannot fork')
      }
    })
    expect(supervisor.state()).toBe('stopped')
    await expect(supervisor.call('credentials:list', undefined)).resolves.toMatchObject({
      ok: false
    })
  })

  it('stop() kills the core, answers pending calls, waits for the exit and does not restart', async () => {
    const { supervisor, deps, current } = setup()
    current().send({ kind: 'ready' })
    const pending = supervisor.call('credentials:list', undefined)
    let stopped = false
    const stopping = supervisor.stop().then(() => (stopped = true))
    expect(current().killed).toBe(true)
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await flush()
    expect(stopped).toBe(false)
    current().exit(0)
    await stopping
    expect(deps.spawn).toHaveBeenCalledTimes(1)
    await expect(supervisor.call('credentials:list', undefined)).resolves.toMatchObject({
      ok: false
    })
  })

  it('stop() gives up waiting on a core that never exits', async () => {
    const { supervisor, current } = setup({ stopTimeoutMs: 5 })
    current().send({ kind: 'ready' })
    await supervisor.stop()
    expect(current().killed).toBe(true)
  })

  it('treats a malformed response envelope as noise, not as an answer', async () => {
    const { supervisor, current } = setup()
    current().send({ kind: 'ready' })
    const call = supervisor.call('credentials:list', undefined)
    const [request] = current().requests()
    current().send({ kind: 'response', id: request!.id, envelope: { ok: 'yes' } })
    current().send({ kind: 'response', id: request!.id, envelope: { ok: true, value: [] } })
    await expect(call).resolves.toEqual({ ok: true, value: [] })
  })
})
