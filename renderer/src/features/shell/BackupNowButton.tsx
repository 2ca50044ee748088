/** Runs the database maintenance pass now (a backup, and the full check): refused during a sync. */
import { useState } from 'react'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'

export function BackupNowButton() {
  const loadStatus = useAppStore((s) => s.loadStatus)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)

  const backUp = async () => {
    setBusy(true)
    setNote(null)
    const res = await call('app:run-maintenance', { force: true })
    setBusy(false)
    if (!res.ok) setNote(res.error.message)
    else if (res.value.outcome === 'busy')
      setNote('A sync is running: the backup will be made when it ends.')
    else if (res.value.backup === 'failed') setNote('The backup failed: see the warning above.')
    await loadStatus()
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        onClick={() => void backUp()}
        data-testid="backup-now"
      >
        {busy ? 'Backing up…' : 'Back up now'}
      </button>
      {note ? (
        <span className="header-note" role="status">
          {note}
        </span>
      ) : null}
    </>
  )
}
