/**
 * Dry run: asks the core for a plan of what a sync would do (nothing is written), shows the counts and
 * every planned item with its field-level diff, and applies exactly that plan on request. A plan the
 * store has moved past since is refused by the core (CONFLICT) and said so plainly.
 */
import { useEffect, useState } from 'react'
import type { PlanSummary } from '../../../../shared/domain/plan'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { Dialog } from '../../lib/Dialog'
import { formatCount } from '../runs/labels'
import { PlanItemsList } from './PlanItemsList'

type State =
  | { phase: 'computing' }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; plan: PlanSummary }

export function PreviewDialog() {
  const integrationId = useAppStore((s) => s.previewIntegrationId)
  if (!integrationId) return null
  return <PreviewContent key={integrationId} integrationId={integrationId} />
}

function PreviewContent({ integrationId }: { integrationId: string }) {
  const name = useAppStore(
    (s) => s.integrations.find((i) => i.id === integrationId)?.name ?? 'integration'
  )
  const close = useAppStore((s) => s.openPreview)
  const trackRun = useAppStore((s) => s.trackRun)
  const [state, setState] = useState<State>({ phase: 'computing' })
  const [applyError, setApplyError] = useState<string | null>(null)
  const [applying, setApplying] = useState(false)

  useEffect(() => {
    let live = true
    void call('integrations:preview', { id: integrationId }).then((res) => {
      if (!live) return
      setState(
        res.ok
          ? { phase: 'ready', plan: res.value }
          : { phase: 'error', message: res.error.message }
      )
    })
    return () => {
      live = false
    }
  }, [integrationId])

  const apply = async (planId: string): Promise<void> => {
    setApplying(true)
    setApplyError(null)
    const res = await call('integrations:apply', { planId })
    setApplying(false)
    if (res.ok) {
      trackRun(res.value)
      close(null)
    } else if (res.error.code === 'CONFLICT') {
      setApplyError(
        `This plan is out of date: ${res.error.message} Run Preview again to see what a sync would do now.`
      )
    } else setApplyError(res.error.message)
  }

  return (
    <Dialog title={`Preview of “${name}”`} onClose={() => close(null)} className="dialog-xwide">
      {state.phase === 'computing' ? (
        <p role="status" className="row-actions">
          <span className="spinner" aria-hidden="true" /> Reading Webex and working out what would
          change… Nothing is written yet.
        </p>
      ) : state.phase === 'error' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : (
        <>
          <PlanCounts plan={state.plan} />
          {state.plan.stale ? (
            <p className="form-error" role="alert">
              The records changed since this plan was made. Run Preview again before applying.
            </p>
          ) : null}
          <PlanItemsList planId={state.plan.id} />
        </>
      )}
      {applyError ? (
        <p className="form-error" role="alert" data-testid="apply-error">
          {applyError}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => close(null)}>
          Close
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={state.phase !== 'ready' || state.plan.status !== 'ready' || applying}
          onClick={() => state.phase === 'ready' && void apply(state.plan.id)}
        >
          {applying ? 'Applying…' : 'Apply this plan'}
        </button>
      </div>
    </Dialog>
  )
}

function PlanCounts({ plan }: { plan: PlanSummary }) {
  const items: Array<[string, number]> = [
    ['Create', plan.counts.created],
    ['Update', plan.counts.updated],
    ['Unchanged', plan.counts.unchanged],
    ['Skip', plan.counts.skipped],
    ['Mark not in Webex', plan.notInWebex]
  ]
  return (
    <>
      <dl className="plan-counts" aria-label="Plan counts" data-testid="plan-counts">
        {items.map(([label, n]) => (
          <div key={label} className="card stat">
            <dt className="stat-label">{label}</dt>
            <dd className="stat-value">{formatCount(n)}</dd>
          </div>
        ))}
      </dl>
      {!plan.listingComplete ? (
        <p className="muted">
          Webex did not return a complete list, so nobody will be marked “not in Webex”.
        </p>
      ) : null}
      {plan.notInWebexHeld ? (
        <p className="muted">
          More accounts than the safety threshold would be marked “not in Webex”: those marks will
          be held for your approval on the Activity page.
        </p>
      ) : null}
    </>
  )
}
