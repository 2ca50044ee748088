import type { RunStatus } from '../../../../shared/domain/run'
import { RUN_STATUS_LABELS } from './labels'

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`badge badge-run-${status}`} data-run-status={status}>
      {RUN_STATUS_LABELS[status]}
    </span>
  )
}
