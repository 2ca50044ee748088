/**
 * Child-process helper for tests/integration/secrets/locked-keyring.test.ts: probes the real keychain
 * through keytar, tries a guarded write, and prints the outcome as one JSON line.
 *   tsx tests/support/probe-keychain.ts <service>
 */
import { openGuardedSecretStore } from '../../electron/core/secrets/guarded-store'
import { createKeytarSecretStore } from '../../electron/core/secrets/keytar-store'
import { probeSecretStore } from '../../electron/core/secrets/probe'

async function main() {
  const service = process.argv[2] ?? 'Roster-test-probe'
  const guarded = await openGuardedSecretStore(createKeytarSecretStore(service), (s) =>
    probeSecretStore(s, { timeoutMs: 10_000 })
  )
  let write: { ok: true } | { ok: false; code: string }
  try {
    await guarded.set('credential/probe-child/access-token', 'should-never-be-stored')
    await guarded.delete('credential/probe-child/access-token')
    write = { ok: true }
  } catch (e) {
    write = { ok: false, code: (e as { code?: string }).code ?? 'none' }
  }
  console.log(JSON.stringify({ probe: guarded.status(), write }))
}

void main()
