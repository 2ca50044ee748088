import { describe, expect, it, vi } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildRosterApi, type PreloadIpc } from '../../../electron/preload/build-api'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../shared/contract/channels'

const repo = resolve(import.meta.dirname, '../../..')

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  const invoke = vi.fn((channel: string, input: unknown) =>
    Promise.resolve({ ok: true, value: { channel, input } })
  )
  const ipc: PreloadIpc = {
    invoke,
    subscribe(channel, listener) {
      // Mimics ipcRenderer.on: listeners get (event, payload); the preload must strip the event.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload)
      const set = listeners.get(channel) ?? new Set()
      set.add(wrapped)
      listeners.set(channel, set)
      return () => set.delete(wrapped)
    }
  }
  const send = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer', ports: [] }, payload)
  }
  return { ipc, invoke, send }
}

describe('window.roster (buildRosterApi)', () => {
  it('has exactly request + events, one function per declared channel, nothing generic', () => {
    const api = buildRosterApi(fakeIpc().ipc)
    expect(Object.keys(api).sort()).toEqual(['events', 'request'])
    expect(Object.keys(api.request).sort()).toEqual([...REQUEST_CHANNELS].sort())
    expect(Object.keys(api.events).sort()).toEqual([...EVENT_CHANNELS].sort())
    for (const fn of [...Object.values(api.request), ...Object.values(api.events)]) {
      expect(typeof fn).toBe('function')
    }
    const loose = api as unknown as Record<string, unknown>
    for (const generic of ['invoke', 'send', 'on', 'off', 'ipcRenderer']) {
      expect(loose[generic]).toBeUndefined()
    }
  })

  it('is frozen all the way down', () => {
    const api = buildRosterApi(fakeIpc().ipc)
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.request)).toBe(true)
    expect(Object.isFrozen(api.events)).toBe(true)
  })

  it('invokes the channel of the function that was called, with the input', async () => {
    const { ipc, invoke } = fakeIpc()
    const api = buildRosterApi(ipc)
    await expect(api.request['credentials:delete']({ id: 'x' })).resolves.toEqual({
      ok: true,
      value: { channel: 'credentials:delete', input: { id: 'x' } }
    })
    expect(invoke).toHaveBeenCalledWith('credentials:delete', { id: 'x' })
  })

  it('hands listeners the payload only and unsubscribes', () => {
    const { ipc, send } = fakeIpc()
    const api = buildRosterApi(ipc)
    const listener = vi.fn()
    const unsubscribe = api.events['credentials:changed'](listener)
    send('credentials:changed', { credentials: [] })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]).toEqual([{ credentials: [] }])
    unsubscribe()
    send('credentials:changed', { credentials: [] })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('refuses a non-function listener', () => {
    const api = buildRosterApi(fakeIpc().ipc)
    const events = api.events as unknown as Record<string, (l: unknown) => unknown>
    expect(() => events['app:status-changed']?.('nope')).toThrow(TypeError)
  })
})

/** Module specifiers of static imports/exports/requires in a source or built file. */
function importsOf(source: string, { includeTypeOnly }: { includeTypeOnly: boolean }): string[] {
  const found: string[] = []
  const statement = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm
  for (const m of source.matchAll(statement)) {
    if (includeTypeOnly || m[2] === undefined) found.push(m[3]!)
  }
  for (const m of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(m[1]!)
  for (const m of source.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!)
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!)
  return found
}

const tsFilesIn = (dir: string) =>
  readdirSync(join(repo, dir))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(repo, dir, f))

describe('the sandboxed preload can load', () => {
  it("imports at run time only 'electron', its own files and shared/contract/channels", () => {
    for (const file of tsFilesIn('electron/preload')) {
      for (const spec of importsOf(readFileSync(file, 'utf8'), { includeTypeOnly: false })) {
        const allowed =
          spec === 'electron' ||
          /^\.\/[\w-]+$/.test(spec) ||
          spec === '../../shared/contract/channels'
        expect(allowed, `${file} imports ${spec}`).toBe(true)
      }
    }
  })

  it('shared/contract/channels.ts itself imports nothing (no zod in the preload bundle)', () => {
    const source = readFileSync(join(repo, 'shared/contract/channels.ts'), 'utf8')
    expect(importsOf(source, { includeTypeOnly: true })).toEqual([])
  })

  const built = join(repo, 'out/preload/index.js')
  it.skipIf(!existsSync(built))("the built out/preload/index.js requires only 'electron'", () => {
    const requires = importsOf(readFileSync(built, 'utf8'), { includeTypeOnly: true })
    expect(requires.length).toBeGreaterThan(0)
    expect(new Set(requires)).toEqual(new Set(['electron']))
  })
  if (!existsSync(built))
    console.warn('skipped the built-preload check: run `npx electron-vite build` first')
})

describe('pure main modules stay Electron-free (they run under plain Node in these tests)', () => {
  it.each(['electron/main/policy', 'electron/main/core-link', 'electron/core/host'])(
    '%s',
    (dir) => {
      for (const file of tsFilesIn(dir)) {
        const runtime = importsOf(readFileSync(file, 'utf8'), { includeTypeOnly: false })
        expect(runtime, file).not.toContain('electron')
      }
    }
  )

  it('electron/core/entry.ts does not import electron', () => {
    const source = readFileSync(join(repo, 'electron/core/entry.ts'), 'utf8')
    expect(importsOf(source, { includeTypeOnly: true })).not.toContain('electron')
  })
})
