import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/core/errors'
import {
  createGuardedSecretStore,
  openGuardedSecretStore
} from '../../../electron/core/secrets/guarded-store'
import { probeSecretStore } from '../../../electron/core/secrets/probe'
import { credentialSecretKey, type SecretStore } from '../../../electron/core/secrets/secret-store'
import { createMemorySecretStore } from '../../support/memory-secret-store'

/** A keyring that accepts writes but never gives anything back (locked libsecret can do this). */
const blackHole = (): SecretStore & { sets: number } => {
  const s = {
    sets: 0,
    get: () => Promise.resolve(null),
    set: () => {
      s.sets++
      return Promise.resolve()
    },
    delete: () => Promise.resolve(false)
  }
  return s
}

const throwing: SecretStore = {
  get: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  set: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  delete: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'))
}

describe('credentialSecretKey', () => {
  it('names secrets credential/<id>/<kind>', () => {
    expect(credentialSecretKey('abc-123', 'access-token')).toBe('credential/abc-123/access-token')
    expect(credentialSecretKey('abc', 'client-secret')).toBe('credential/abc/client-secret')
  })
  it('refuses ids that could collide with another key', () => {
    expect(() => credentialSecretKey('a/b', 'refresh-token')).toThrow()
    expect(() => credentialSecretKey('', 'refresh-token')).toThrow()
  })
})

describe('probeSecretStore', () => {
  it('a working store is available and the probe key is cleaned up', async () => {
    const mem = createMemorySecretStore()
    expect(await probeSecretStore(mem)).toEqual({ available: true, message: null, reason: null })
    expect(mem.entries().size).toBe(0)
  })

  it('a store whose get returns null after set is unavailable, with a plain message', async () => {
    const r = await probeSecretStore(blackHole())
    expect(r.available).toBe(false)
    expect(r.message).toMatch(
      /^The system keychain is not available \(.+\)\. Roster stores secrets only there/
    )
    expect(r.message).toMatch(/cannot be saved until it is unlocked\.$/)
  })

  it('a store that throws is unavailable and the message carries the reason', async () => {
    const r = await probeSecretStore(throwing)
    expect(r).toMatchObject({ available: false })
    expect(r.message).toContain('Cannot autolaunch D-Bus')
    expect(r.reason).toContain('Cannot autolaunch D-Bus')
  })

  it('a store that never answers (an invisible unlock prompt) is unavailable after the time limit', async () => {
    const hanging: SecretStore = {
      get: () => new Promise(() => undefined),
      set: () => new Promise(() => undefined),
      delete: () => new Promise(() => undefined)
    }
    const r = await probeSecretStore(hanging, { timeoutMs: 50 })
    expect(r.available).toBe(false)
    expect(r.message).toMatch(/no answer/)
  })

  it('a store that returns a different value is unavailable', async () => {
    const liar: SecretStore = { ...createMemorySecretStore(), get: () => Promise.resolve('other') }
    expect((await probeSecretStore(liar)).available).toBe(false)
  })
})

describe('guarded secret store', () => {
  it('refuses writes with KEYCHAIN_UNAVAILABLE when the probe failed, and writes nowhere', async () => {
    const inner = blackHole()
    const guarded = await openGuardedSecretStore(inner, probeSecretStore)
    const setsAfterProbe = inner.sets
    expect(guarded.status().available).toBe(false)
    const err = await guarded.set('credential/x/access-token', 'secret').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    expect((err as AppError).message).toMatch(/keychain is not available/)
    expect(inner.sets).toBe(setsAfterProbe)
  })

  it('passes writes through when the probe succeeded', async () => {
    const mem = createMemorySecretStore()
    const guarded = await openGuardedSecretStore(mem, probeSecretStore)
    await guarded.set('k', 'v')
    expect(await guarded.get('k')).toBe('v')
    expect(await guarded.delete('k')).toBe(true)
  })

  it('recheck lifts the guard once the keychain works again', async () => {
    const mem = createMemorySecretStore()
    let locked = true
    const flaky: SecretStore = {
      get: (k) => (locked ? Promise.resolve(null) : mem.get(k)),
      set: (k, v) => mem.set(k, v),
      delete: (k) => mem.delete(k)
    }
    const guarded = createGuardedSecretStore(flaky, probeSecretStore, await probeSecretStore(flaky))
    await expect(guarded.set('k', 'v')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' })
    locked = false
    expect((await guarded.recheck()).available).toBe(true)
    await guarded.set('k', 'v')
    expect(await guarded.get('k')).toBe('v')
  })
})
