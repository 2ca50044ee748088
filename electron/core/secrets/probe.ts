/**
 * Is the keychain really usable? A locked or missing keyring can make keytar throw, hang on a prompt
 * nobody sees, or quietly return null after a "successful" write. Only a full write-read-delete round
 * trip of a random value tells, so that is what the probe does, with a time limit.
 */
import { randomBytes } from 'node:crypto'
import type { SecretStore } from './secret-store'

export type ProbeResult = { available: boolean; message: string | null; reason: string | null }

export const PROBE_KEY = 'roster/keychain-probe'
export const PROBE_TIMEOUT_MS = 5000

const unavailable = (reason: string): ProbeResult => ({
  available: false,
  reason,
  message:
    `The system keychain is not available (${reason}). Roster stores secrets only there, ` +
    'so credentials cannot be saved until it is unlocked.'
})

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
  })
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
}

/** Why it failed, in words an admin can act on; never the value or a raw stack. */
const reasonOf = (e: unknown): string => {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e
  const text = cause instanceof Error ? cause.message : String(cause)
  return text.replace(/\s+/g, ' ').slice(0, 160) || 'unknown error'
}

export async function probeSecretStore(
  store: SecretStore,
  opts: { timeoutMs?: number } = {}
): Promise<ProbeResult> {
  const value = randomBytes(18).toString('base64url')
  const round = async (): Promise<ProbeResult> => {
    await store.set(PROBE_KEY, value)
    try {
      const back = await store.get(PROBE_KEY)
      if (back === null) return unavailable('a secret that was just saved could not be read back')
      if (back !== value) return unavailable('a secret came back different from what was saved')
    } finally {
      await store.delete(PROBE_KEY).catch(() => false)
    }
    return { available: true, message: null, reason: null }
  }
  try {
    return await withTimeout(round(), opts.timeoutMs ?? PROBE_TIMEOUT_MS)
  } catch (e) {
    return unavailable(reasonOf(e))
  }
}
