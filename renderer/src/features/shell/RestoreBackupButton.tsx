/** Replaces a damaged local database with its newest backup; the damaged file is kept beside it. */
import { call } from '../../lib/call'
import { useStatusAction } from './use-status-action'

export function RestoreBackupButton() {
  const { busy, note, run } = useStatusAction(async () => {
    const res = await call('app:restore-backup', undefined)
    return res.ok ? null : res.error.message
  })
  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={run}>
        {busy ? 'Restoring…' : 'Restore this backup'}
      </button>
      {note ? <span className="banner-detail"> {note}</span> : null}
    </>
  )
}
