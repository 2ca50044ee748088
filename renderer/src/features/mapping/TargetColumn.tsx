/** The Roster side: the fields of a person (or SaaS user) record, built-in and custom. */
import { useMemo, useState } from 'react'
import type { RecordKind } from '../../../../shared/domain/custom-field'
import { useAppStore } from '../../app/store'
import { entryFor, mapSource, setChain, setConstant, setMapping, unmap } from './model'
import { TargetRow, type SourceOption } from './TargetRow'
import { issuesFor, type Validation } from './use-validation'

type Props = {
  validation: Validation
  onNewField: () => void
  onEditField: (customKey: string) => void
}

export function TargetColumn({ validation, onNewField, onEditField }: Props) {
  const targets = useAppStore((s) => s.mappingTargets)
  const sources = useAppStore((s) => s.mappingSources)
  const mapping = useAppStore((s) => s.mappingHistory?.present.mapping ?? [])
  const roles = useAppStore((s) => s.roles)
  const editDraft = useAppStore((s) => s.editDraft)
  const [record, setRecord] = useState<RecordKind>('person')

  // One option per source key: a custom API field wins over the same path among the Webex fields.
  const options = useMemo<SourceOption[]>(() => {
    const fields = sources?.fields ?? []
    const api = new Set(fields.filter((f) => f.group === 'api').map((f) => f.key))
    return fields
      .filter((f) => f.group === 'api' || !api.has(f.key))
      .map((f) => ({
        key: f.key,
        label: f.label,
        group: f.group,
        ...(f.group === 'api' ? { name: f.label } : {})
      }))
  }, [sources])
  const sampleOf = (source: string): string | undefined =>
    sources?.fields.find((f) => f.key === source)?.samples[0]

  const shown = targets.filter((t) => t.record === record)
  const edit = (fn: (m: typeof mapping) => typeof mapping) =>
    editDraft((d) => setMapping(d, fn(d.mapping)))

  return (
    <section className="card mapping-column" aria-labelledby="targets-title">
      <div className="mapping-column-head">
        <h3 id="targets-title">Roster target fields</h3>
        <button type="button" className="btn btn-small" onClick={onNewField}>
          New target field
        </button>
      </div>
      <div className="segmented" role="group" aria-label="Record">
        {(['person', 'saas-user'] as const).map((r) => (
          <button
            key={r}
            type="button"
            className="btn btn-small"
            aria-pressed={record === r}
            onClick={() => setRecord(r)}
          >
            {r === 'person' ? 'People' : 'SaaS user'}
          </button>
        ))}
      </div>
      {record === 'saas-user' ? (
        <p className="field-hint">
          The sync fills a SaaS user’s built-in fields from the Webex account; map sources to its
          custom fields.
        </p>
      ) : null}
      <div className="mapping-scroll">
        <ul className="target-list" aria-labelledby="targets-title">
          {shown.map((t) => {
            const customKey = t.builtIn ? null : t.key.replace(/^(saas\.)?custom\./, '')
            const entry = entryFor(mapping, t.key)
            return (
              <TargetRow
                key={t.key}
                target={t}
                entry={entry}
                sources={options}
                sample={entry ? sampleOf(entry.source) : undefined}
                issues={issuesFor(validation, t.key)}
                roles={roles.map((r) => r.name)}
                onMap={(source, name) => edit((m) => mapSource(m, t.key, source, name))}
                onUnmap={() => edit((m) => unmap(m, t.key))}
                onChain={(chain) => edit((m) => setChain(m, t.key, chain))}
                onConstant={(value) => edit((m) => setConstant(m, t.key, value))}
                onEditField={customKey ? () => onEditField(customKey) : null}
              />
            )
          })}
        </ul>
      </div>
    </section>
  )
}
