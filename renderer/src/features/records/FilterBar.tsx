/** Simple list filters: column, condition, value. Active filters show as removable chips. */
import { useState } from 'react'
import { FILTER_OPS, type ColumnInfo, type ListFilter } from '../../../../shared/domain/list-query'

const OP_LABELS: Record<ListFilter['op'], string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  starts: 'starts with',
  empty: 'is empty',
  'not-empty': 'is not empty',
  gt: 'is after / above',
  lt: 'is before / below'
}
const NO_VALUE: ReadonlyArray<ListFilter['op']> = ['empty', 'not-empty']

function typedValue(column: ColumnInfo, raw: string): ListFilter['value'] {
  if (column.type === 'boolean') return /^(yes|true|1)$/i.test(raw.trim())
  if (column.type === 'number' && raw.trim() !== '' && !Number.isNaN(Number(raw)))
    return Number(raw)
  return raw.trim()
}

type Props = {
  columns: ColumnInfo[]
  filters: ListFilter[]
  onChange: (filters: ListFilter[]) => void
}

export function FilterBar({ columns, filters, onChange }: Props) {
  const filterable = columns.filter((c) => c.filterable)
  const [column, setColumn] = useState(filterable[0]?.key ?? '')
  const [op, setOp] = useState<ListFilter['op']>('eq')
  const [value, setValue] = useState('')
  const labelOf = (key: string) => columns.find((c) => c.key === key)?.label ?? key
  const chosen = filterable.find((c) => c.key === column)
  const needsValue = !NO_VALUE.includes(op)

  const add = (): void => {
    if (!chosen || (needsValue && value.trim() === '') || filters.length >= 20) return
    const filter: ListFilter = needsValue
      ? { column, op, value: typedValue(chosen, value) }
      : { column, op }
    onChange([...filters, filter])
    setValue('')
  }

  return (
    <div className="filter-bar">
      <details className="popover">
        <summary className="btn">Filter</summary>
        <form
          className="popover-body filter-row"
          aria-label="Add a filter"
          onSubmit={(e) => {
            e.preventDefault()
            add()
          }}
        >
          <select
            className="select"
            aria-label="Filter column"
            value={column}
            onChange={(e) => setColumn(e.target.value)}
          >
            {filterable.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label="Filter condition"
            value={op}
            onChange={(e) => setOp(e.target.value as ListFilter['op'])}
          >
            {FILTER_OPS.map((o) => (
              <option key={o} value={o}>
                {OP_LABELS[o]}
              </option>
            ))}
          </select>
          {needsValue ? (
            <input
              className="input"
              aria-label="Filter value"
              value={value}
              placeholder={chosen?.type === 'date' ? 'YYYY-MM-DD' : 'value'}
              onChange={(e) => setValue(e.target.value)}
            />
          ) : null}
          <button type="submit" className="btn btn-small">
            Add filter
          </button>
        </form>
      </details>
      {filters.map((f, i) => (
        <span className="chip" key={`${f.column}-${f.op}-${i}`} data-testid="filter-chip">
          {labelOf(f.column)} {OP_LABELS[f.op]}
          {f.value !== undefined ? ` “${String(f.value)}”` : ''}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove filter ${labelOf(f.column)} ${OP_LABELS[f.op]}`}
            onClick={() => onChange(filters.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  )
}
