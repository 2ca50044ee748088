import type { CredentialStatus } from '../../../../shared/domain/credential'
import { STATUS_LABELS } from './labels'

export function StatusBadge({ status }: { status: CredentialStatus }) {
  return (
    <span className={`badge badge-status-${status}`} data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  )
}
