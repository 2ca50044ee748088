import { useState } from 'react'
import type { Integration } from '../../../../shared/domain/integration'
import { useAppStore } from '../../app/store'
import { Dialog } from '../../lib/Dialog'

type Props = { integration: Integration; onClose: () => void }

export function DeleteIntegrationDialog({ integration, onClose }: Props) {
  const deleteIntegration = useAppStore((s) => s.deleteIntegration)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    const err = await deleteIntegration(integration.id)
    setBusy(false)
    if (err) setError(err.message)
    else onClose()
  }

  return (
    <Dialog role="alertdialog" title={`Delete “${integration.name}”?`} onClose={onClose}>
      <p>
        Roster stops syncing with <strong>{integration.name}</strong> and forgets its settings. The
        people and Webex users it already brought in stay.
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
          Delete integration
        </button>
      </div>
    </Dialog>
  )
}
