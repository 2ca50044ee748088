/** One filter rule: its name, all/any, when it applies, and its conditions. */
import type {
  FilterCondition,
  IngestFilterRule
} from '../../../../shared/domain/ingest-filter-rule'
import { ConditionRow, type FieldOption } from './ConditionRow'

type Props = {
  rule: IngestFilterRule
  index: number
  fields: readonly FieldOption[]
  onChange: (r: IngestFilterRule) => void
  onRemove: () => void
}

const NEW_CONDITION: FilterCondition = { field: 'status', op: 'not-equals', value: 'pending' }

export function FilterRuleEditor({ rule, index, fields, onChange, onRemove }: Props) {
  const label = `Rule ${index + 1}`
  const setCondition = (i: number, c: FilterCondition) =>
    onChange({ ...rule, conditions: rule.conditions.map((x, j) => (j === i ? c : x)) })

  return (
    <fieldset className="fieldset-box filter-rule" data-testid="filter-rule">
      <legend>{rule.name || label}</legend>
      <div className="filter-rule-head">
        <input
          className="input"
          aria-label={`${label} name`}
          value={rule.name}
          onChange={(e) => onChange({ ...rule, name: e.target.value })}
        />
        <select
          className="select"
          aria-label={`${label} match`}
          value={rule.match}
          onChange={(e) => onChange({ ...rule, match: e.target.value === 'any' ? 'any' : 'all' })}
        >
          <option value="all">All conditions hold</option>
          <option value="any">Any condition holds</option>
        </select>
        <select
          className="select"
          aria-label={`${label} applies`}
          value={rule.applies}
          onChange={(e) =>
            onChange({
              ...rule,
              applies: e.target.value === 'update-only' ? 'update-only' : 'always'
            })
          }
        >
          <option value="always">Always: skip the others</option>
          <option value="update-only">Only update, never create</option>
        </select>
        <label className="radio">
          <input
            type="checkbox"
            checked={rule.enabled}
            onChange={(e) => onChange({ ...rule, enabled: e.target.checked })}
          />
          On
        </label>
        <button
          type="button"
          className="btn btn-small btn-danger"
          aria-label={`Remove ${label}`}
          onClick={onRemove}
        >
          Remove rule
        </button>
      </div>
      {rule.conditions.map((c, i) => (
        <ConditionRow
          key={i}
          condition={c}
          label={`${label} condition ${i + 1}`}
          fields={fields}
          onChange={(next) => setCondition(i, next)}
          onRemove={
            rule.conditions.length > 1
              ? () => onChange({ ...rule, conditions: rule.conditions.filter((_, j) => j !== i) })
              : null
          }
        />
      ))}
      <div>
        <button
          type="button"
          className="btn btn-small"
          disabled={rule.conditions.length >= 20}
          onClick={() => onChange({ ...rule, conditions: [...rule.conditions, NEW_CONDITION] })}
        >
          Add condition
        </button>
      </div>
    </fieldset>
  )
}
