/** The Webex side: standard fields, other Webex person fields and custom API fields, with samples. */
import { useMemo, useState } from 'react'
import type { SourceField } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { SOURCE_GROUP_LABELS } from './labels'
import { SourceCard } from './SourceCard'

const GROUPS: SourceField['group'][] = ['standard', 'api', 'webex']

type Props = { onNewApiField: () => void; onEditApiField: (key: string) => void }

export function SourceColumn({ onNewApiField, onEditApiField }: Props) {
  const sources = useAppStore((s) => s.mappingSources)
  const mapping = useAppStore((s) => s.mappingHistory?.present.mapping)
  const [find, setFind] = useState('')

  const uses = useMemo(() => {
    const n = new Map<string, number>()
    for (const e of mapping ?? []) n.set(e.source, (n.get(e.source) ?? 0) + 1)
    return n
  }, [mapping])
  const needle = find.trim().toLowerCase()
  const shown = (sources?.fields ?? []).filter(
    (f) => needle === '' || f.label.toLowerCase().includes(needle)
  )

  return (
    <section className="card mapping-column" aria-labelledby="sources-title">
      <div className="mapping-column-head">
        <h3 id="sources-title">Webex source fields</h3>
        <button type="button" className="btn btn-small" onClick={onNewApiField}>
          New API field
        </button>
      </div>
      <p className="field-hint" data-testid="sources-sampled">
        {sources
          ? sources.peopleInLastRead > 0
            ? `Samples from ${sources.sampled} of ${sources.peopleInLastRead} people in the last read.`
            : 'No samples yet: run the integration once to see example values.'
          : 'Loading sources…'}
      </p>
      <input
        className="input"
        type="search"
        aria-label="Find a source field"
        placeholder="Find a source field"
        value={find}
        onChange={(e) => setFind(e.target.value)}
      />
      <div className="mapping-scroll">
        {GROUPS.map((group) => {
          const fields = shown.filter((f) => f.group === group)
          if (fields.length === 0) return null
          return (
            <div key={group} className="source-group">
              <h4 className="source-group-title" id={`sources-${group}`}>
                {SOURCE_GROUP_LABELS[group]}
              </h4>
              <ul className="source-list" aria-labelledby={`sources-${group}`}>
                {fields.map((f) => (
                  <li key={f.key} className="source-item">
                    <SourceCard source={f} mappedTo={uses.get(f.key) ?? 0} />
                    {group === 'api' ? (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Edit API field ${f.label}`}
                        onClick={() => onEditApiField(f.key)}
                      >
                        Edit
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          )
        })}
      </div>
    </section>
  )
}
