/**
 * Where secrets live: the OS keychain and nowhere else (security.md S14, S15). Everything in the core
 * talks to this interface; only keytar-store.ts knows which library reaches the keychain (S23).
 */
export interface SecretStore {
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>
}

export const SECRET_KINDS = ['client-secret', 'access-token', 'refresh-token'] as const
export type SecretKind = (typeof SECRET_KINDS)[number]

/** The keychain account name of one credential's secret: `credential/<id>/<kind>`. */
export function credentialSecretKey(credentialId: string, kind: SecretKind): string {
  // The id is the credential's own (a UUID from the service); refuse separators so keys never collide.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(credentialId))
    throw new Error('credentialSecretKey: the credential id has characters a key cannot hold')
  return `credential/${credentialId}/${kind}`
}
