/** Ingest filters as simple rows: field is / is not value. All must hold (AND). */
import { FILTER_FIELDS, type IngestFilter } from '../../../../shared/domain/integration'
import { FILTER_FIELD_LABELS } from './labels'

type Props = { filters: IngestFilter[]; onChange: (f: IngestFilter[]) => void; error?: string }

export function FiltersEditor({ filters, onChange, error }: Props) {
  const change = (index: number, patch: Partial<IngestFilter>) =>
    onChange(filters.map((f, i) => (i === index ? { ...f, ...patch } : f)))

  return (
    <fieldset className="field fieldset-box">
      <legend>Filters</legend>
      {filters.length === 0 ? (
        <p className="field-hint">No filters: every Webex user is brought in.</p>
      ) : (
        <p className="field-hint">A Webex user is brought in only when every row holds.</p>
      )}
      {filters.map((f, i) => (
        <div className="filter-row" key={i} data-testid="filter-row">
          <select
            className="select"
            aria-label={`Filter ${i + 1} field`}
            value={f.field}
            onChange={(e) => change(i, { field: e.target.value as IngestFilter['field'] })}
          >
            {FILTER_FIELDS.map((k) => (
              <option key={k} value={k}>
                {FILTER_FIELD_LABELS[k]}
              </option>
            ))}
          </select>
          <select
            className="select"
            aria-label={`Filter ${i + 1} condition`}
            value={f.op}
            onChange={(e) => change(i, { op: e.target.value === 'is-not' ? 'is-not' : 'is' })}
          >
            <option value="is">is</option>
            <option value="is-not">is not</option>
          </select>
          <input
            className="input"
            aria-label={`Filter ${i + 1} value`}
            value={f.value}
            placeholder={f.field === 'emailDomain' ? 'example.com' : 'value'}
            onChange={(e) => change(i, { value: e.target.value })}
          />
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Remove filter ${i + 1}`}
            onClick={() => onChange(filters.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
      <div>
        <button
          type="button"
          className="btn btn-small"
          disabled={filters.length >= 50}
          onClick={() => onChange([...filters, { field: 'status', op: 'is', value: '' }])}
        >
          Add filter
        </button>
      </div>
    </fieldset>
  )
}
