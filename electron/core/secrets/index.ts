export {
  credentialSecretKey,
  SECRET_KINDS,
  type SecretKind,
  type SecretStore
} from './secret-store'
export { createKeytarSecretStore, DEFAULT_KEYCHAIN_SERVICE } from './keytar-store'
export { probeSecretStore, PROBE_KEY, type ProbeResult } from './probe'
export {
  createGuardedSecretStore,
  openGuardedSecretStore,
  type GuardedSecretStore
} from './guarded-store'
