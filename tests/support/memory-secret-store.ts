/**
 * In-memory SecretStore for unit tests of other modules. It lives under tests/ on purpose: production
 * code must never have a non-keychain store to fall back to (security.md S15).
 */
import type { SecretStore } from '../../electron/core/secrets/secret-store'

export type MemorySecretStore = SecretStore & {
  /** Snapshot of what is stored, for assertions. */
  entries(): Map<string, string>
}

export function createMemorySecretStore(initial: Record<string, string> = {}): MemorySecretStore {
  const m = new Map(Object.entries(initial))
  return {
    get: (key) => Promise.resolve(m.get(key) ?? null),
    set: (key, value) => {
      m.set(key, value)
      return Promise.resolve()
    },
    delete: (key) => Promise.resolve(m.delete(key)),
    entries: () => new Map(m)
  }
}
