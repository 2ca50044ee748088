/**
 * A credential's secrets, by name: the only code that knows their keys. Every credential's secrets go
 * to the keychain, except the demo organization's token, which is kept in this process's memory.
 *
 * Why the demo is the exception: its token only opens the simulator the core itself runs on a
 * loopback port, with made-up people. A new simulator, with a new token, starts at every launch. So
 * the token has nothing to protect once the process ends, and keeping it in the keychain would only
 * make the demo depend on one. The demo then works on a machine without a keychain, which is where a
 * first look is most likely to happen. Nothing is ever written anywhere but the keychain (S14, S15).
 */
import { credentialSecretKey, type SecretKind, type SecretStore } from '../secrets/secret-store'

export type StoredTokens = { accessToken: string; refreshToken: string | null }

export type CredentialVault = ReturnType<typeof createCredentialVault>

export function createCredentialVault(
  secrets: SecretStore,
  /** Whether a stored credential is the demo organization's (read from its record). */
  opts: { isDemo?: (id: string) => boolean } = {}
) {
  const key = credentialSecretKey
  const demoIds = new Set<string>()
  const demoSecrets = new Map<string, string>()
  const inMemory = (id: string) => demoIds.has(id) || (opts.isDemo?.(id) ?? false)

  const get = (id: string, kind: SecretKind): Promise<string | null> =>
    inMemory(id)
      ? Promise.resolve(demoSecrets.get(key(id, kind)) ?? null)
      : secrets.get(key(id, kind))
  const set = async (id: string, kind: SecretKind, value: string): Promise<void> => {
    if (inMemory(id)) demoSecrets.set(key(id, kind), value)
    else await secrets.set(key(id, kind), value)
  }
  const remove = async (id: string, kind: SecretKind): Promise<void> => {
    if (!inMemory(id)) {
      await secrets.delete(key(id, kind))
      return
    }
    demoSecrets.delete(key(id, kind))
    // Earlier versions kept the demo token in the keychain: clear it when it is there to clear.
    await secrets.delete(key(id, kind)).catch(() => false)
  }

  return {
    /** A demo credential about to be created: its secrets stay in memory from the first one. */
    keepInMemory: (id: string) => void demoIds.add(id),
    clientSecret: (id: string) => get(id, 'client-secret'),
    setClientSecret: (id: string, value: string) => set(id, 'client-secret', value),
    accessToken: (id: string) => get(id, 'access-token'),
    refreshToken: (id: string) => get(id, 'refresh-token'),
    async saveTokens(id: string, tokens: StoredTokens): Promise<void> {
      await set(id, 'access-token', tokens.accessToken)
      if (tokens.refreshToken !== null) await set(id, 'refresh-token', tokens.refreshToken)
      else await remove(id, 'refresh-token')
    },
    async clearTokens(id: string): Promise<void> {
      await remove(id, 'access-token')
      await remove(id, 'refresh-token')
    },
    async removeAll(id: string): Promise<void> {
      await this.clearTokens(id)
      await remove(id, 'client-secret')
    }
  }
}
