/**
 * When the local database was last backed up (daily, kept five) and last fully checked (weekly), in
 * the header: an admin should not have to wonder whether their source of truth is safe.
 */
import { useAppStore } from '../../app/store'
import { formatAbsolute, formatAgo } from '../../lib/format-time'
import { useNow } from '../../lib/use-now'
import { BackupNowButton } from './BackupNowButton'

export function DatabaseBackupStatus() {
  const database = useAppStore((s) => s.status?.database ?? null)
  const now = useNow()
  if (!database?.healthy) return null
  const lastBackupAt = database.lastBackupAt ?? null
  const check = database.lastFullCheck ?? null
  const details = [
    lastBackupAt ? `Last backup: ${formatAbsolute(lastBackupAt)}` : 'No backup yet',
    check
      ? `Last full check: ${formatAbsolute(check.at)} (${check.ok ? 'passed' : 'failed'})`
      : 'No full check yet'
  ].join('. ')
  return (
    <span className="header-backup" data-testid="backup-status">
      <span title={details}>
        {lastBackupAt ? `Backed up ${formatAgo(lastBackupAt, now)}` : 'No backup yet'}
      </span>
      {lastBackupAt === null ? <BackupNowButton /> : null}
    </span>
  )
}
