/** Why records were skipped or failed, one plain sentence each, paged. */
import type { RunDetail, RunItem } from '../../../../shared/domain/run'
import { formatAbsolute } from '../../lib/format-time'
import { Pager } from '../../lib/Pager'

export type ItemsQuery = { offset: number; outcome?: RunItem['outcome'] }

type Props = { items: RunDetail['items']; query: ItemsQuery; onQuery: (q: ItemsQuery) => void }

const TABS: Array<[RunItem['outcome'] | undefined, string]> = [
  [undefined, 'All'],
  ['skipped', 'Skipped'],
  ['failed', 'Failed']
]

export function RunItems({ items, query, onQuery }: Props) {
  return (
    <section className="card stack" aria-labelledby="run-items-title">
      <h3 id="run-items-title">Skipped and failed records</h3>
      <div role="tablist" aria-label="Outcome" className="tabs">
        {TABS.map(([outcome, label]) => (
          <button
            key={label}
            type="button"
            role="tab"
            className="tab"
            aria-selected={query.outcome === outcome}
            onClick={() => onQuery(outcome ? { offset: 0, outcome } : { offset: 0 })}
          >
            {label}
          </button>
        ))}
      </div>
      {items.total === 0 ? (
        <p className="muted">No record was skipped or failed.</p>
      ) : (
        <>
          <table className="table table-compact" aria-label="Skipped and failed records">
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Email</th>
                <th scope="col">Reason</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {items.rows.map((i) => (
                <tr key={i.seq}>
                  <td>{i.outcome === 'failed' ? 'Failed' : 'Skipped'}</td>
                  <td>{i.email ?? i.webexId ?? '—'}</td>
                  <td>{i.reason}</td>
                  <td>{formatAbsolute(i.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            offset={query.offset}
            total={items.total}
            size={50}
            onOffset={(offset) => onQuery({ ...query, offset })}
          />
        </>
      )}
    </section>
  )
}
