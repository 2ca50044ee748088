import type { Credential } from '../../../../shared/domain/credential'
import { useAppStore } from '../../app/store'
import { selectIsAuthenticating } from './selectors'

type Props = { credential: Credential; onDelete: (c: Credential) => void }

export function CredentialActions({ credential, onDelete }: Props) {
  const { id, name } = credential
  const authenticating = useAppStore(selectIsAuthenticating(id))
  const keychainOk = useAppStore((s) => s.status?.keychain.available ?? true)
  const authenticate = useAppStore((s) => s.authenticate)
  const cancel = useAppStore((s) => s.cancelAuthentication)
  const verify = useAppStore((s) => s.verify)
  const openEditor = useAppStore((s) => s.openEditor)

  if (authenticating) {
    return (
      <div className="row-actions" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>Waiting for you to approve in your browser…</span>
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Cancel authentication of ${name}`}
          onClick={() => void cancel(id)}
        >
          Cancel
        </button>
      </div>
    )
  }
  return (
    <div className="row-actions">
      {credential.authType === 'oauth' && !credential.isDemo ? (
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={!keychainOk}
          aria-label={`Authenticate ${name}`}
          onClick={() => void authenticate(id)}
        >
          Authenticate
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-small"
        disabled={credential.status === 'not-authorized'}
        aria-label={`Verify ${name}`}
        onClick={() => void verify(id)}
      >
        Verify
      </button>
      {credential.isDemo ? null : (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Edit ${name}`}
          onClick={() => openEditor({ mode: 'edit', id })}
        >
          Edit
        </button>
      )}
      <button
        type="button"
        className="btn btn-small btn-danger"
        aria-label={`Delete ${name}`}
        onClick={() => onDelete(credential)}
      >
        Delete
      </button>
    </div>
  )
}
