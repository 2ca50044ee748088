/** One integration: its settings in plain words, draft readiness, last run, and live progress. */
import type { Integration } from '../../../../shared/domain/integration'
import { useAppStore } from '../../app/store'
import { formatWhen, formatWhenPast } from '../../lib/format-time'
import { useNow } from '../../lib/use-now'
import { countsSummary } from '../runs/labels'
import { RunProgressPanel } from '../runs/RunProgressPanel'
import { RunStatusBadge } from '../runs/RunStatusBadge'
import { IntegrationActions } from './IntegrationActions'
import { PREFERENCE_LABELS, scheduleSummary, SCOPE_LABELS } from './labels'

type Props = { integration: Integration; onDelete: (i: Integration) => void }

export function IntegrationRow({ integration: i, onDelete }: Props) {
  const now = useNow()
  const credentialName = useAppStore(
    (s) => s.credentials.find((c) => c.id === i.credentialId)?.name ?? null
  )
  const tracked = useAppStore((s) => s.trackedRuns[i.id])
  const rowError = useAppStore((s) => s.integrationRowErrors[i.id])
  const dismiss = useAppStore((s) => s.dismissTrackedRun)

  return (
    <tbody data-testid="integration-row" data-integration-id={i.id} data-status={i.status}>
      <tr>
        <th scope="row" className="cell-name">
          {i.name}
          <div>
            <span
              className={`badge badge-integration-${i.status}`}
              data-testid="integration-status"
            >
              {i.status === 'draft' ? 'Draft' : 'Launched'}
            </span>
          </div>
          {i.status === 'draft' && !i.readiness.ready ? (
            <p className="field-hint" data-testid="integration-missing">
              Missing: {i.readiness.missing.join('; ')}
            </p>
          ) : null}
        </th>
        <td>{credentialName ?? <span className="muted">None</span>}</td>
        <td>{SCOPE_LABELS[i.scope]}</td>
        <td>{PREFERENCE_LABELS[i.preference]}</td>
        <td>
          {scheduleSummary(i.schedule)}
          {i.nextRunAt ? (
            <p className="field-hint">Next run {formatWhen(i.nextRunAt, now)}</p>
          ) : null}
        </td>
        <td data-testid="integration-last-run">
          {i.lastRun ? (
            <>
              <RunStatusBadge status={i.lastRun.status} />
              <p className="field-hint">
                {formatWhenPast(i.lastRun.startedAt, now)} · {countsSummary(i.lastRun.counts)}
              </p>
            </>
          ) : (
            <span className="muted">Never run</span>
          )}
        </td>
        <td>
          <IntegrationActions integration={i} onDelete={onDelete} />
          {rowError ? (
            <p className="row-error" role="alert">
              {rowError}
            </p>
          ) : null}
        </td>
      </tr>
      {tracked ? (
        <tr className="row-detail">
          <td colSpan={7}>
            <RunProgressPanel tracked={tracked} onDismiss={() => dismiss(i.id)} />
          </td>
        </tr>
      ) : null}
    </tbody>
  )
}
