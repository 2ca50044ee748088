/**
 * One target field: a drop zone for a dragged source, a dropdown of sources (the keyboard and
 * mouse-free path), unmap, the transform chain, and the validation messages about the field.
 */
import { useDroppable } from '@dnd-kit/core'
import { useState } from 'react'
import type { TargetField } from '../../../../shared/domain/custom-field'
import type { MappingEntry, MappingTransform } from '../../../../shared/domain/mapping'
import type { ValidationIssue } from '../../../../shared/domain/mapping-studio'
import { describeTransform, FIELD_TYPE_LABELS } from './labels'
import { chainOf, targetDropId } from './model'
import { TransformChain } from './TransformChain'

export type SourceOption = { key: string; label: string; group: string; name?: string }
export type TargetDropData = { target: TargetField }

type Props = {
  target: TargetField
  entry: MappingEntry | undefined
  sources: readonly SourceOption[]
  sample: string | undefined
  issues: readonly ValidationIssue[]
  roles: readonly string[]
  onMap: (source: string, name?: string) => void
  onUnmap: () => void
  onChain: (chain: MappingTransform[]) => void
  onConstant: (value: string) => void
  onEditField: (() => void) | null
}

const GROUPS = [
  ['standard', 'Standard Webex fields'],
  ['api', 'Custom API fields'],
  ['webex', 'Other Webex fields']
] as const

export function TargetRow(p: Props) {
  const { target, entry } = p
  const data: TargetDropData = { target }
  const { setNodeRef, isOver } = useDroppable({
    id: targetDropId(target.key),
    data,
    disabled: !target.mappable
  })
  const [open, setOpen] = useState(false)
  const chain = entry ? chainOf(entry) : []
  const isRole = target.key === 'role'
  const roleValue = entry?.transform?.kind === 'constant' ? entry.transform.value : ''
  const mappedKnown = entry && p.sources.some((s) => s.key === entry.source)

  return (
    <li
      ref={setNodeRef}
      className="target-row"
      data-over={isOver ? 'true' : undefined}
      data-mapped={entry ? 'true' : undefined}
      data-testid="target-row"
      data-target={target.key}
    >
      <div className="target-head">
        <div className="target-name">
          <span className="target-label">{target.label}</span>
          <span className="target-meta muted">
            {FIELD_TYPE_LABELS[target.type]}
            {target.unique ? ' · unique' : ''}
            {target.mandatory ? ' · required' : ''}
            {target.builtIn ? '' : ' · custom'}
          </span>
        </div>
        {!target.mappable ? (
          <span className="muted target-fixed">Filled by the sync</span>
        ) : isRole ? (
          <select
            className="select"
            aria-label={`Source for ${target.label}`}
            value={roleValue}
            onChange={(e) => p.onConstant(e.target.value)}
          >
            <option value="">Choose a role…</option>
            {[...p.roles, ...(roleValue && !p.roles.includes(roleValue) ? [roleValue] : [])].map(
              (r) => (
                <option key={r} value={r}>
                  Fixed: {r}
                </option>
              )
            )}
          </select>
        ) : (
          <select
            className="select"
            aria-label={`Source for ${target.label}`}
            value={entry?.source ?? ''}
            onChange={(e) => {
              const v = e.target.value
              if (v === '') return p.onUnmap()
              if (v === 'constant') return p.onConstant('')
              p.onMap(v, p.sources.find((s) => s.key === v)?.name)
            }}
          >
            <option value="">Not mapped</option>
            <option value="constant">Fixed value</option>
            {entry && entry.source !== 'constant' && !mappedKnown ? (
              <option value={entry.source}>{entry.sourceName ?? entry.source}</option>
            ) : null}
            {GROUPS.map(([group, label]) => (
              <optgroup key={group} label={label}>
                {p.sources
                  .filter((s) => s.group === group)
                  .map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        )}
        {target.mappable && !isRole ? (
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-expanded={open}
              aria-label={`Transforms of ${target.label}`}
              disabled={!entry}
              onClick={() => setOpen(!open)}
            >
              Transforms{chain.length > 0 ? ` (${chain.length})` : ''}
            </button>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Unmap ${target.label}`}
              disabled={!entry}
              onClick={p.onUnmap}
            >
              Unmap
            </button>
            {p.onEditField ? (
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Edit field ${target.label}`}
                onClick={p.onEditField}
              >
                Edit
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {entry && !open && chain.length > 0 && !isRole ? (
        <p className="field-hint">{chain.map(describeTransform).join(' → ')}</p>
      ) : null}
      {entry && !open && p.sample !== undefined && !isRole ? (
        <p className="field-hint target-sample">e.g. {p.sample}</p>
      ) : null}
      {open && entry ? (
        <TransformChain entry={entry} label={target.label} onChange={p.onChain} />
      ) : null}
      {p.issues.map((i, n) => (
        <p
          key={n}
          className={i.severity === 'error' ? 'field-error' : 'field-warning'}
          data-testid="target-issue"
        >
          {i.message}
        </p>
      ))}
    </li>
  )
}
