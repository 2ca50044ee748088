import { useState } from 'react'
import type { Credential } from '../../../../shared/domain/credential'
import { useAppStore } from '../../app/store'
import { Dialog } from '../../lib/Dialog'

type Props = { credential: Credential; onClose: () => void }

export function DeleteCredentialDialog({ credential, onClose }: Props) {
  const deleteCredential = useAppStore((s) => s.deleteCredential)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    const err = await deleteCredential(credential.id)
    setBusy(false)
    if (err) setError(err.message)
    else onClose()
  }

  return (
    <Dialog role="alertdialog" title={`Delete “${credential.name}”?`} onClose={onClose}>
      <p>
        Roster removes the credential <strong>{credential.name}</strong> and deletes its secrets
        from the system keychain. Integrations that use it stop running until you pick another
        credential.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          onClick={() => void confirm()}
        >
          Delete credential
        </button>
      </div>
    </Dialog>
  )
}
