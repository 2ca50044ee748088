/**
 * The ONLY file that imports keytar (S23: keytar is archived upstream; a maintained drop-in such as
 * @napi-rs/keyring replaces it here and nowhere else). keytar is loaded lazily: a missing or
 * mismatched native module becomes a KEYCHAIN_UNAVAILABLE error on first use, not a crash at import.
 */
import { AppError } from '../errors'
import type { SecretStore } from './secret-store'

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export const DEFAULT_KEYCHAIN_SERVICE = 'Roster'

let loading: Promise<Keytar> | undefined

async function importKeytar(): Promise<Keytar> {
  try {
    // A dynamic import keeps the native addon out of module initialisation: it loads on first use.
    const mod = (await import('keytar')) as Keytar & { default?: Keytar }
    return mod.default ?? mod
  } catch (cause) {
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      'The system keychain is not available (the keychain module could not be loaded).',
      { cause }
    )
  }
}

/** One load attempt per process: a missing module does not get better by retrying. */
const loadKeytar = (): Promise<Keytar> => (loading ??= importKeytar())

/** keytar's errors can name the keyring path or D-Bus objects; the message stays generic, the cause keeps them. */
async function call<T>(what: string, fn: (k: Keytar) => Promise<T>): Promise<T> {
  const keytar = await loadKeytar()
  try {
    return await fn(keytar)
  } catch (cause) {
    throw new AppError('KEYCHAIN_UNAVAILABLE', `The system keychain refused to ${what}.`, {
      cause
    })
  }
}

export function createKeytarSecretStore(service = DEFAULT_KEYCHAIN_SERVICE): SecretStore {
  return {
    get: (key) => call('read a secret', (k) => k.getPassword(service, key)),
    set: (key, value) => call('save a secret', (k) => k.setPassword(service, key, value)),
    delete: (key) => call('delete a secret', (k) => k.deletePassword(service, key))
  }
}
