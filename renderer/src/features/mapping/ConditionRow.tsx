/** One condition of a filter rule: a source field, an operator, and what it compares with. */
import { useState } from 'react'
import {
  CONDITION_OPS,
  type ConditionOp,
  type FilterCondition
} from '../../../../shared/domain/ingest-filter-rule'
import { OP_LABELS, opNeeds } from './labels'

export type FieldOption = { key: string; label: string }

type Props = {
  condition: FilterCondition
  label: string
  fields: readonly FieldOption[]
  onChange: (c: FilterCondition) => void
  onRemove: (() => void) | null
}

/** Keeps only what the operator uses, so a rule never carries stale values. */
function withOp(c: FilterCondition, op: ConditionOp): FilterCondition {
  const base = { field: c.field, op }
  switch (opNeeds(op)) {
    case 'value':
      return { ...base, value: c.value ?? '' }
    case 'values':
      return { ...base, values: c.values ?? (c.value ? [c.value] : []) }
    case 'days':
      return { ...base, days: c.days ?? 30 }
    default:
      return base
  }
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

export function ConditionRow({ condition: c, label, fields, onChange, onRemove }: Props) {
  // The list is edited as text so a trailing comma survives typing.
  const [listText, setListText] = useState((c.values ?? []).join(', '))
  const needs = opNeeds(c.op)
  const known = fields.some((f) => f.key === c.field)

  return (
    <div className="filter-row" data-testid="condition-row">
      <select
        className="select"
        aria-label={`${label} field`}
        value={c.field}
        onChange={(e) => onChange({ ...c, field: e.target.value })}
      >
        {known ? null : <option value={c.field}>{c.field}</option>}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label={`${label} operator`}
        value={c.op}
        onChange={(e) => {
          const op = CONDITION_OPS.find((o) => o === e.target.value)
          if (op) onChange(withOp(c, op))
        }}
      >
        {CONDITION_OPS.map((op) => (
          <option key={op} value={op}>
            {OP_LABELS[op]}
          </option>
        ))}
      </select>
      {needs === 'value' ? (
        <input
          className="input"
          aria-label={`${label} value`}
          value={c.value ?? ''}
          onChange={(e) => onChange({ ...c, value: e.target.value })}
        />
      ) : null}
      {needs === 'values' ? (
        <input
          className="input"
          aria-label={`${label} values`}
          placeholder="a.com, b.com"
          value={listText}
          onChange={(e) => {
            setListText(e.target.value)
            onChange({ ...c, values: splitList(e.target.value) })
          }}
        />
      ) : null}
      {needs === 'days' ? (
        <input
          className="input input-narrow"
          type="number"
          min={0}
          aria-label={`${label} days`}
          value={c.days ?? 0}
          onChange={(e) =>
            onChange({ ...c, days: Math.max(0, Math.floor(Number(e.target.value))) })
          }
        />
      ) : null}
      {onRemove ? (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Remove ${label}`}
          onClick={onRemove}
        >
          Remove
        </button>
      ) : null}
    </div>
  )
}
