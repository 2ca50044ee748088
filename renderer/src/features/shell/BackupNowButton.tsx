/** Runs the database maintenance pass now (a backup, and the full check): refused during a sync. */
import { call } from '../../lib/call'
import { useStatusAction } from './use-status-action'

export function BackupNowButton() {
  const { busy, note, run } = useStatusAction(async () => {
    const res = await call('app:run-maintenance', { force: true })
    if (!res.ok) return res.error.message
    if (res.value.outcome === 'busy')
      return 'A sync is running: the backup will be made when it ends.'
    if (res.value.backup === 'failed') return 'The backup failed: see the warning above.'
    return null
  })
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={busy}
        onClick={run}
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
