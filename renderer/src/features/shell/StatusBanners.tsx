/** Problems that stop the admin from working safely: shown above every view until resolved. */
import { useAppStore } from '../../app/store'
import { BackupNowButton } from './BackupNowButton'
import { RestoreBackupButton } from './RestoreBackupButton'

export function StatusBanners() {
  const statusError = useAppStore((s) => s.statusError)
  const keychain = useAppStore((s) => s.status?.keychain ?? null)
  const database = useAppStore((s) => s.status?.database ?? null)
  const loadStatus = useAppStore((s) => s.loadStatus)

  return (
    <>
      {statusError ? (
        <div className="banner banner-error" role="alert">
          <strong>Roster could not start its background service.</strong> {statusError}
        </div>
      ) : null}
      {keychain && !keychain.available ? (
        <div className="banner banner-error" role="alert" data-testid="keychain-banner">
          <strong>The system keychain is locked or unavailable.</strong> Roster stores client
          secrets and tokens only in your operating system&apos;s keychain, never on disk, so it
          cannot add or authorize credentials until the keychain is unlocked.
          {keychain.reason ? (
            <span className="banner-detail" data-testid="keychain-reason">
              {' '}
              Cause: {keychain.reason.replace(/\.$/, '')}.
            </span>
          ) : null}
          <button type="button" className="btn btn-small" onClick={() => void loadStatus()}>
            Check again
          </button>
        </div>
      ) : null}
      {database?.checking ? (
        <div className="banner" role="status" data-testid="database-checking">
          <strong>Checking the local database after an unexpected shutdown…</strong> You can look
          around meanwhile; syncs and changes wait until the check is done, usually within a few
          seconds.
        </div>
      ) : null}
      {database && !database.healthy ? (
        <div className="banner banner-error" role="alert" data-testid="database-banner">
          <strong>The local database has a problem.</strong> {database.message ?? ''}
          {database.latestBackup ? (
            <span className="banner-detail">
              {' '}
              Latest backup: <code>{database.latestBackup}</code> <RestoreBackupButton />
            </span>
          ) : (
            <span className="banner-detail"> No backup is available yet.</span>
          )}
        </div>
      ) : null}
      {database?.healthy && database.maintenanceWarning ? (
        <div className="banner banner-warning" role="status" data-testid="backup-warning">
          <strong>The daily backup of the local database failed.</strong>{' '}
          {database.maintenanceWarning} Roster tries again at the next maintenance pass.{' '}
          <BackupNowButton />
        </div>
      ) : null}
    </>
  )
}
