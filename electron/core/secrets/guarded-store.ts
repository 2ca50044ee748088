/**
 * Fail closed (S15): once the probe has failed, writes are refused with KEYCHAIN_UNAVAILABLE. There is
 * deliberately no fallback store: a secret that cannot go to the keychain is not saved at all.
 * Reads and deletes still go to the keychain (they cannot leak anything; a delete may even succeed).
 */
import { AppError } from '../errors'
import type { ProbeResult } from './probe'
import type { SecretStore } from './secret-store'

export type GuardedSecretStore = SecretStore & {
  /** The probe result the guard currently acts on. */
  status(): ProbeResult
  /** Probe again (e.g. after the user unlocked the keychain) and act on the new result. */
  recheck(): Promise<ProbeResult>
}

export function createGuardedSecretStore(
  inner: SecretStore,
  probe: (store: SecretStore) => Promise<ProbeResult>,
  initial: ProbeResult
): GuardedSecretStore {
  let current = initial
  const refuse = (): never => {
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      current.message ?? 'The system keychain is not available.'
    )
  }
  return {
    status: () => current,
    recheck: async () => (current = await probe(inner)),
    get: (key) => inner.get(key),
    set: async (key, value) => {
      if (!current.available) refuse()
      await inner.set(key, value)
    },
    delete: (key) => inner.delete(key)
  }
}

/** Probes `inner` once and returns the guarded store acting on that result. */
export async function openGuardedSecretStore(
  inner: SecretStore,
  probe: (store: SecretStore) => Promise<ProbeResult>
): Promise<GuardedSecretStore> {
  return createGuardedSecretStore(inner, probe, await probe(inner))
}
