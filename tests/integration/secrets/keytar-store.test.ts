/**
 * The real OS keychain through keytar. Needs a Secret Service (gnome-keyring) on a D-Bus session:
 *   tests/support/with-keyring.sh npx vitest run tests/integration/secrets
 * Without one the tests skip with a printed reason, unless ROSTER_REQUIRE_KEYCHAIN=1 (CI), where a
 * missing keychain is a failure.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createKeytarSecretStore } from '../../../electron/core/secrets/keytar-store'
import { PROBE_KEY, probeSecretStore } from '../../../electron/core/secrets/probe'
import { credentialSecretKey } from '../../../electron/core/secrets/secret-store'

const required = process.env.ROSTER_REQUIRE_KEYCHAIN === '1'
// On Linux keytar needs a session bus; macOS and Windows keychains need nothing extra.
const noKeychainReason =
  process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS
    ? 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS unset); run under tests/support/with-keyring.sh'
    : null
const skip = noKeychainReason !== null && !required
if (skip) console.warn(`[keytar-store.test] SKIPPED: ${noKeychainReason}`)

const service = `Roster-test-${randomUUID()}`
const store = createKeytarSecretStore(service)
const written = new Set<string>()

describe.skipIf(skip)('keytar secret store (real keychain)', () => {
  afterAll(async () => {
    for (const key of written) await store.delete(key).catch(() => false)
  })

  it('the keychain is reachable (ROSTER_REQUIRE_KEYCHAIN=1 turns a missing one into this failure)', async () => {
    const probe = await probeSecretStore(store)
    expect(probe).toEqual({ available: true, message: null, reason: null })
    // The probe cleans up after itself.
    expect(await store.get(PROBE_KEY)).toBeNull()
  })

  it('round-trips set, get, overwrite and delete', async () => {
    const key = credentialSecretKey(randomUUID(), 'access-token')
    const value = `tok-${randomUUID()}`
    written.add(key)
    expect(await store.get(key)).toBeNull()
    await store.set(key, value)
    expect(await store.get(key)).toBe(value)
    await store.set(key, `${value}-2`)
    expect(await store.get(key)).toBe(`${value}-2`)
    expect(await store.delete(key)).toBe(true)
    expect(await store.get(key)).toBeNull()
    expect(await store.delete(key)).toBe(false)
  })

  it('keeps services apart: the same key under another service is a different secret', async () => {
    const key = credentialSecretKey(randomUUID(), 'refresh-token')
    const other = createKeytarSecretStore(`${service}-other`)
    written.add(key)
    await store.set(key, 'mine')
    try {
      expect(await other.get(key)).toBeNull()
    } finally {
      await other.delete(key)
    }
  })
})
