import type { Integration } from '../../../../shared/domain/integration'
import { useAppStore } from '../../app/store'

type Props = { integration: Integration; onDelete: (i: Integration) => void }

export function IntegrationActions({ integration: i, onDelete }: Props) {
  const running = useAppStore((s) => {
    const t = s.trackedRuns[i.id]
    return t !== undefined && t.finished === null
  })
  const openEditor = useAppStore((s) => s.openIntegrationEditor)
  const duplicate = useAppStore((s) => s.duplicateIntegration)
  const launch = useAppStore((s) => s.launchIntegration)
  const runNow = useAppStore((s) => s.runIntegrationNow)
  const openPreview = useAppStore((s) => s.openPreview)
  const openMapping = useAppStore((s) => s.openMapping)
  const draft = i.status === 'draft'

  return (
    <div className="row-actions">
      {draft ? (
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={!i.readiness.ready}
          title={i.readiness.ready ? undefined : `Missing: ${i.readiness.missing.join('; ')}`}
          aria-label={`Launch ${i.name}`}
          onClick={() => void launch(i.id)}
        >
          Launch
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={running}
          aria-label={`Run ${i.name} now`}
          onClick={() => void runNow(i.id)}
        >
          Run now
        </button>
      )}
      <button
        type="button"
        className="btn btn-small"
        disabled={running || !i.credentialId}
        aria-label={`Preview ${i.name}`}
        onClick={() => openPreview(i.id)}
      >
        Preview
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Edit ${i.name}`}
        onClick={() => openEditor({ mode: 'edit', id: i.id })}
      >
        Edit
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Edit mapping of ${i.name}`}
        onClick={() => openMapping(i.id)}
      >
        Mapping
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`Duplicate ${i.name}`}
        onClick={() => void duplicate(i.id)}
      >
        Duplicate
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger"
        disabled={running}
        aria-label={`Delete ${i.name}`}
        onClick={() => onDelete(i)}
      >
        Delete
      </button>
    </div>
  )
}
