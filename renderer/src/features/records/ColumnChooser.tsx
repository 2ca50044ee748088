/** Which columns the list shows: a disclosure of checkboxes, the choice kept in the store. */
import type { ColumnInfo } from '../../../../shared/domain/list-query'

type Props = {
  columns: ColumnInfo[]
  visible: string[]
  onChange: (keys: string[] | null) => void
}

export function ColumnChooser({ columns, visible, onChange }: Props) {
  const toggle = (key: string, on: boolean): void => {
    // Keep the core's column order whatever order the admin ticks them in.
    const next = columns.map((c) => c.key).filter((k) => (k === key ? on : visible.includes(k)))
    if (next.length > 0) onChange(next)
  }
  return (
    <details className="popover">
      <summary className="btn">Columns</summary>
      <div className="popover-body" role="group" aria-label="Visible columns">
        {columns.map((c) => (
          <label key={c.key} className="radio">
            <input
              type="checkbox"
              checked={visible.includes(c.key)}
              disabled={visible.length === 1 && visible.includes(c.key)}
              onChange={(e) => toggle(c.key, e.target.checked)}
            />
            {c.label}
          </label>
        ))}
        <button type="button" className="btn btn-small" onClick={() => onChange(null)}>
          Reset to default
        </button>
      </div>
    </details>
  )
}
