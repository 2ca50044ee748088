/**
 * Which Webex users the sync brings in: rules on any source field (all/any), each applying always or
 * only to updates. Older simple filters stay listed (and removable) beside them.
 */
import {
  isFilterRule,
  type AnyIngestFilter,
  type IngestFilterRule
} from '../../../../shared/domain/ingest-filter-rule'
import type { ValidationIssue } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { FILTER_FIELD_LABELS } from '../integrations/labels'
import type { FieldOption } from './ConditionRow'
import { FilterRuleEditor } from './FilterRuleEditor'
import { setFilters } from './model'

const newRule = (n: number): IngestFilterRule => ({
  kind: 'rule',
  name: `Rule ${n}`,
  match: 'all',
  conditions: [{ field: 'type', op: 'equals', value: 'person' }],
  applies: 'always',
  enabled: true
})

export function FiltersPanel({ issues }: { issues: readonly ValidationIssue[] }) {
  const filters = useAppStore((s) => s.mappingHistory?.present.filters ?? [])
  const sources = useAppStore((s) => s.mappingSources)
  const editDraft = useAppStore((s) => s.editDraft)
  const change = (next: AnyIngestFilter[]) => editDraft((d) => setFilters(d, next))
  const fields: FieldOption[] = [
    { key: 'emailDomain', label: 'Email domain' },
    ...(sources?.fields ?? [])
      .filter((f) => f.key !== 'constant')
      .map((f) => ({ key: f.key, label: f.group === 'api' ? `${f.label} (API)` : f.label }))
  ]
  const ruleCount = filters.filter(isFilterRule).length

  return (
    <section className="card stack" aria-labelledby="filters-title" data-testid="filters-panel">
      <h3 id="filters-title">Filters</h3>
      <p className="field-hint">
        {filters.length === 0
          ? 'No filters: every Webex user is brought in.'
          : 'A Webex user must pass every rule that is on; one who does not is skipped with the rule’s name as the reason.'}
      </p>
      {filters.map((f, i) =>
        isFilterRule(f) ? (
          <FilterRuleEditor
            key={i}
            rule={f}
            index={filters.slice(0, i).filter(isFilterRule).length}
            fields={fields}
            onChange={(r) => change(filters.map((x, j) => (j === i ? r : x)))}
            onRemove={() => change(filters.filter((_, j) => j !== i))}
          />
        ) : (
          <div key={i} className="filter-row" data-testid="simple-filter">
            <span>
              {FILTER_FIELD_LABELS[f.field]} {f.op === 'is' ? 'is' : 'is not'} “{f.value}”
            </span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => change(filters.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        )
      )}
      {issues.map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
          {i.message}
        </p>
      ))}
      <div>
        <button
          type="button"
          className="btn btn-small"
          disabled={filters.length >= 50}
          onClick={() => change([...filters, newRule(ruleCount + 1)])}
        >
          Add filter rule
        </button>
      </div>
    </section>
  )
}
