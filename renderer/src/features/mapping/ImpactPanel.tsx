/** What a draft would do to the current data: counts, the fields it changes, and sample diffs. */
import type { ImpactResult } from '../../../../shared/domain/mapping-studio'

const fmt = new Intl.NumberFormat('en-US')

const COUNTS = [
  ['create', 'Created'],
  ['update', 'Changed'],
  ['unchanged', 'Left alone'],
  ['skip', 'Skipped'],
  ['newlySkipped', 'Newly skipped'],
  ['noLongerSkipped', 'No longer skipped']
] as const

export function ImpactPanel({ impact }: { impact: ImpactResult }) {
  const changedSamples = impact.samples.filter((s) => s.diff.length > 0 || s.reason).slice(0, 8)
  return (
    <div className="stack" data-testid="impact">
      <p className="muted">
        Over the {fmt.format(impact.people)} people of the last read (no Webex call).
        {impact.note ? ` ${impact.note}` : ''}
      </p>
      <dl className="run-stats" data-testid="impact-counts">
        {COUNTS.map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{label}</dt>
            <dd>{fmt.format(impact.counts[key])}</dd>
          </div>
        ))}
      </dl>
      {impact.changedFields.length > 0 ? (
        <p>
          Fields that change:{' '}
          {impact.changedFields.map((f) => `${f.field} (${fmt.format(f.records)})`).join(', ')}
        </p>
      ) : null}
      {changedSamples.length > 0 ? (
        <table className="table table-compact" aria-label="Sample changes">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Action</th>
              <th scope="col">Field changes</th>
            </tr>
          </thead>
          <tbody>
            {changedSamples.map((s) => (
              <tr key={`${s.action}:${s.webexId}`} data-testid="impact-sample">
                <th scope="row">{s.displayName ?? s.email ?? s.webexId}</th>
                <td>{s.action}</td>
                <td>
                  {s.reason ? <div className="muted">{s.reason}</div> : null}
                  {s.diff.slice(0, 4).map((d) => (
                    <div key={d.field}>
                      <code>{d.field}</code>: {d.old ?? '—'} → <strong>{d.new ?? '—'}</strong>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  )
}
