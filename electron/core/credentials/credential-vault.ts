/** A credential's secrets, by name, in the keychain: the only code that knows their keys. */
import { credentialSecretKey, type SecretStore } from '../secrets/secret-store'

export type StoredTokens = { accessToken: string; refreshToken: string | null }

export type CredentialVault = ReturnType<typeof createCredentialVault>

export function createCredentialVault(secrets: SecretStore) {
  const key = credentialSecretKey
  return {
    clientSecret: (id: string) => secrets.get(key(id, 'client-secret')),
    setClientSecret: (id: string, value: string) => secrets.set(key(id, 'client-secret'), value),
    accessToken: (id: string) => secrets.get(key(id, 'access-token')),
    refreshToken: (id: string) => secrets.get(key(id, 'refresh-token')),
    async saveTokens(id: string, tokens: StoredTokens): Promise<void> {
      await secrets.set(key(id, 'access-token'), tokens.accessToken)
      if (tokens.refreshToken !== null)
        await secrets.set(key(id, 'refresh-token'), tokens.refreshToken)
      else await secrets.delete(key(id, 'refresh-token'))
    },
    async clearTokens(id: string): Promise<void> {
      await secrets.delete(key(id, 'access-token'))
      await secrets.delete(key(id, 'refresh-token'))
    },
    async removeAll(id: string): Promise<void> {
      await this.clearTokens(id)
      await secrets.delete(key(id, 'client-secret'))
    }
  }
}
