/** How long each Webex page took to read and to write. */
import type { RunPage } from '../../../../shared/domain/run'
import { formatCount, formatDuration } from './labels'

export function PageTimings({ pages }: { pages: RunPage[] }) {
  return (
    <details className="card">
      <summary>Page timings ({pages.length} pages)</summary>
      {pages.length === 0 ? (
        <p className="muted">No page was read.</p>
      ) : (
        <table className="table table-compact" aria-label="Page timings">
          <thead>
            <tr>
              <th scope="col">Page</th>
              <th scope="col">Items</th>
              <th scope="col">Read</th>
              <th scope="col">Write</th>
              <th scope="col">Written</th>
              <th scope="col">Tracking id</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.pageNumber}>
                <td>{p.pageNumber}</td>
                <td>{formatCount(p.items)}</td>
                <td>{formatDuration(p.fetchMs)}</td>
                <td>{formatDuration(p.writeMs)}</td>
                <td>{formatCount(p.written)}</td>
                <td>{p.trackingId ? <code>{p.trackingId}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
