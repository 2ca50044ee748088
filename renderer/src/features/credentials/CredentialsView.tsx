import { useState } from 'react'
import type { Credential } from '../../../../shared/domain/credential'
import { useAppStore } from '../../app/store'
import { WelcomeCard } from '../dashboard/WelcomeCard'
import { EmptyState } from '../shell/EmptyState'
import { selectFirstRun, selectKeychainAvailable } from '../status/selectors'
import { CredentialEditorDialog } from './CredentialEditorDialog'
import { CredentialsTable } from './CredentialsTable'
import { DeleteCredentialDialog } from './DeleteCredentialDialog'
import { selectCredentials } from './selectors'

export function CredentialsView() {
  const credentials = useAppStore(selectCredentials)
  const loadError = useAppStore((s) => s.credentialsError)
  const firstRun = useAppStore(selectFirstRun)
  const keychainOk = useAppStore(selectKeychainAvailable)
  const openEditor = useAppStore((s) => s.openEditor)
  const [deleting, setDeleting] = useState<Credential | null>(null)

  return (
    <div className="stack">
      <div className="toolbar">
        <p className="muted toolbar-text">
          A credential connects Roster to a Webex organization. Its secrets stay in the system
          keychain.
        </p>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!keychainOk}
          onClick={() => openEditor({ mode: 'create' })}
        >
          Add credential
        </button>
      </div>
      {loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {credentials.length > 0 ? (
        <CredentialsTable credentials={credentials} onDelete={setDeleting} />
      ) : firstRun ? (
        <WelcomeCard />
      ) : (
        <EmptyState title="No credentials">
          Add a credential to connect Roster to your Webex organization.
        </EmptyState>
      )}
      <CredentialEditorDialog />
      {deleting ? (
        <DeleteCredentialDialog credential={deleting} onClose={() => setDeleting(null)} />
      ) : null}
    </div>
  )
}
