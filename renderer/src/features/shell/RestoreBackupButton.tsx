/** Replaces a damaged local database with its newest backup; the damaged file is kept beside it. */
import { useState } from 'react'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'

export function RestoreBackupButton() {
  const loadStatus = useAppStore((s) => s.loadStatus)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const restore = async () => {
    setBusy(true)
    setError(null)
    const res = await call('app:restore-backup', undefined)
    setBusy(false)
    if (!res.ok) setError(res.error.message)
    await loadStatus()
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        onClick={() => void restore()}
      >
        {busy ? 'Restoring…' : 'Restore this backup'}
      </button>
      {error ? <span className="banner-detail"> {error}</span> : null}
    </>
  )
}
