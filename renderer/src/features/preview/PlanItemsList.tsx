/** The plan's items, one action at a time, paged, each update with its field-level diff. */
import { useEffect, useState } from 'react'
import { PLAN_ACTIONS, type PlanAction, type PlanItem } from '../../../../shared/domain/plan'
import { call } from '../../lib/call'
import { Pager } from '../../lib/Pager'

const PAGE = 50
const ACTION_LABELS: Record<PlanAction, string> = {
  create: 'Create',
  update: 'Update',
  unchanged: 'Unchanged',
  skip: 'Skip',
  'mark-not-in-webex': 'Mark not in Webex'
}

type Page = { rows: PlanItem[]; total: number } | { error: string } | null

export function PlanItemsList({ planId }: { planId: string }) {
  const [action, setAction] = useState<PlanAction>('create')
  const [offset, setOffset] = useState(0)
  const [page, setPage] = useState<Page>(null)

  useEffect(() => {
    let live = true
    void call('plans:list-items', { planId, action, offset, limit: PAGE }).then((res) => {
      if (live) setPage(res.ok ? res.value : { error: res.error.message })
    })
    return () => {
      live = false
    }
  }, [planId, action, offset])

  return (
    <section className="stack" aria-label="Planned changes">
      <div role="tablist" aria-label="Action" className="tabs">
        {PLAN_ACTIONS.map((a) => (
          <button
            key={a}
            type="button"
            role="tab"
            className="tab"
            aria-selected={a === action}
            onClick={() => {
              setAction(a)
              setOffset(0)
              setPage(null)
            }}
          >
            {ACTION_LABELS[a]}
          </button>
        ))}
      </div>
      {page === null ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : 'error' in page ? (
        <p className="form-error" role="alert">
          {page.error}
        </p>
      ) : page.total === 0 ? (
        <p className="muted">Nothing to {ACTION_LABELS[action].toLowerCase()}.</p>
      ) : (
        <>
          <ul className="plan-items" role="tabpanel" data-testid="plan-items">
            {page.rows.map((item) => (
              <PlanItemRow key={item.seq} item={item} />
            ))}
          </ul>
          <Pager offset={offset} total={page.total} size={PAGE} onOffset={setOffset} />
        </>
      )}
    </section>
  )
}

function PlanItemRow({ item }: { item: PlanItem }) {
  return (
    <li className="plan-item" data-testid="plan-item">
      <div>
        <strong>{item.displayName ?? item.email ?? item.webexId ?? 'Unnamed'}</strong>{' '}
        <span className="muted">{item.email}</span>
      </div>
      {item.reason ? <p className="field-hint">{item.reason}</p> : null}
      {item.diff.length > 0 ? (
        <table className="table table-compact" aria-label="Field changes">
          <tbody>
            {item.diff.map((d) => (
              <tr key={d.field}>
                <th scope="row">{d.field.replace(/^(person|saas)\./, '')}</th>
                <td className="diff-old">{d.old ?? '—'}</td>
                <td aria-hidden="true">→</td>
                <td className="diff-new">{d.new ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  )
}
