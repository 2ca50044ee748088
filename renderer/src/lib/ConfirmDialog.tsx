/**
 * "Are you sure?" for destructive actions: the question, what will happen, Cancel (focused first) and
 * one danger button. The action reports a plain-language error, or null when it succeeded.
 */
import { useState, type ReactNode } from 'react'
import { Dialog } from './Dialog'

type Props = {
  title: string
  confirmLabel: string
  children: ReactNode
  /** Resolves with an error message, or null when done (the dialog then closes). */
  onConfirm: () => Promise<string | null>
  onClose: () => void
}

export function ConfirmDialog({ title, confirmLabel, children, onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async (): Promise<void> => {
    setBusy(true)
    const err = await onConfirm()
    setBusy(false)
    if (err) setError(err)
    else onClose()
  }

  return (
    <Dialog role="alertdialog" title={title} onClose={onClose}>
      {children}
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
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
