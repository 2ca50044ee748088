/**
 * Before saving: the core's validation in plain words and the impact of the draft on the current
 * data. Save stays off while an error remains.
 */
import { useEffect, useState } from 'react'
import type { ImpactResult, ValidationIssue } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { Dialog } from '../../lib/Dialog'
import { ImpactPanel } from './ImpactPanel'

type State =
  | { phase: 'loading' }
  | { phase: 'ready'; issues: ValidationIssue[]; impact: ImpactResult | null; note: string | null }
  | { phase: 'failed'; message: string }

export function ReviewDialog({ onClose }: { onClose: () => void }) {
  const integrationId = useAppStore((s) => s.mappingIntegrationId)
  const draft = useAppStore((s) => s.mappingHistory?.present)
  const targets = useAppStore((s) => s.mappingTargets)
  const save = useAppStore((s) => s.saveMapping)
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [saveError, setSaveError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!integrationId || !draft) return
    void Promise.all([
      call('mapping:validate', draft),
      call('mapping:impact', { integrationId, draft, sampleLimit: 20 })
    ]).then(([validation, impact]) => {
      if (!validation.ok) return setState({ phase: 'failed', message: validation.error.message })
      setState({
        phase: 'ready',
        issues: validation.value.issues,
        impact: impact.ok ? impact.value : null,
        note: impact.ok ? null : impact.error.message
      })
    })
    // The draft cannot change while this modal dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const label = (field: string) => targets.find((t) => t.key === field)?.label ?? field
  const errors = state.phase === 'ready' ? state.issues.filter((i) => i.severity === 'error') : []
  const submit = async () => {
    setBusy(true)
    const err = await save()
    setBusy(false)
    if (err) setSaveError(err.message)
    else onClose()
  }

  return (
    <Dialog title="Review and save" onClose={onClose} className="dialog-xwide">
      {state.phase === 'loading' ? (
        <p className="muted" role="status">
          Working out what the changes would do…
        </p>
      ) : null}
      {state.phase === 'failed' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.phase === 'ready' ? (
        <>
          {state.issues.length > 0 ? (
            <ul className="issue-list" aria-label="Checks">
              {state.issues.map((i, n) => (
                <li key={n} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
                  <strong>{label(i.field)}:</strong> {i.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="field-hint">Mandatory mappings and types check out.</p>
          )}
          {state.impact ? <ImpactPanel impact={state.impact} /> : null}
          {state.note ? (
            <p className="form-error" role="alert">
              The impact preview failed: {state.note}
            </p>
          ) : null}
        </>
      ) : null}
      {saveError ? (
        <p className="form-error" role="alert" data-testid="save-error">
          {saveError}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Keep editing
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={state.phase !== 'ready' || errors.length > 0 || busy}
          onClick={() => void submit()}
        >
          Save changes
        </button>
      </div>
    </Dialog>
  )
}
