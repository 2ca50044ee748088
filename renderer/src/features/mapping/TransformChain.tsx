/** The transform steps of one mapping row, in order, with the transformed sample values. */
import type { MappingEntry, MappingTransform } from '../../../../shared/domain/mapping'
import { CHAIN_KINDS, newTransform, TRANSFORM_LABELS } from './labels'
import { chainOf, previewExpression } from './model'
import { useEvaluate } from './use-evaluate'

type Props = { entry: MappingEntry; label: string; onChange: (chain: MappingTransform[]) => void }

function StepParams({
  step,
  label,
  onStep
}: {
  step: MappingTransform
  label: string
  onStep: (t: MappingTransform) => void
}) {
  switch (step.kind) {
    case 'join':
      return (
        <input
          className="input input-narrow"
          aria-label={`${label} separator`}
          value={step.separator}
          maxLength={10}
          onChange={(e) => onStep({ ...step, separator: e.target.value })}
        />
      )
    case 'date':
      return (
        <input
          className="input input-narrow"
          aria-label={`${label} format`}
          value={step.format}
          title="ISO, or tokens YYYY MM DD HH mm ss"
          onChange={(e) => onStep({ ...step, format: e.target.value })}
        />
      )
    case 'default':
    case 'constant':
      return (
        <input
          className="input input-narrow"
          aria-label={`${label} value`}
          value={step.value}
          onChange={(e) => onStep({ ...step, value: e.target.value })}
        />
      )
    case 'email-part':
      return (
        <select
          className="select"
          aria-label={`${label} part`}
          value={step.part}
          onChange={(e) =>
            onStep({ ...step, part: e.target.value === 'domain' ? 'domain' : 'local' })
          }
        >
          <option value="local">Before the @</option>
          <option value="domain">After the @</option>
        </select>
      )
    default:
      return null
  }
}

export function TransformChain({ entry, label, onChange }: Props) {
  const chain = chainOf(entry)
  const preview = useEvaluate(previewExpression(entry.source), chain)
  const replace = (i: number, t: MappingTransform) =>
    onChange(chain.map((s, j) => (j === i ? t : s)))

  return (
    <div className="transform-chain" data-testid="transform-chain">
      {chain.length === 0 ? (
        <p className="field-hint">No transforms: the value is copied as it is.</p>
      ) : (
        <ol className="transform-steps" aria-label={`Transforms of ${label}`}>
          {chain.map((step, i) => {
            const stepLabel = `Step ${i + 1} ${TRANSFORM_LABELS[step.kind]}`
            return (
              <li key={i} className="transform-step">
                <span>{TRANSFORM_LABELS[step.kind]}</span>
                <StepParams step={step} label={stepLabel} onStep={(t) => replace(i, t)} />
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`Remove ${stepLabel}`}
                  onClick={() => onChange(chain.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </li>
            )
          })}
        </ol>
      )}
      <select
        className="select"
        aria-label={`Add a transform to ${label}`}
        value=""
        disabled={chain.length >= 11}
        onChange={(e) => {
          const kind = CHAIN_KINDS.find((k) => k === e.target.value)
          if (kind) onChange([...chain, newTransform(kind)])
        }}
      >
        <option value="">Add a step…</option>
        {CHAIN_KINDS.map((k) => (
          <option key={k} value={k}>
            {TRANSFORM_LABELS[k]}
          </option>
        ))}
      </select>
      <div className="transform-preview" aria-live="polite" data-testid="transform-preview">
        {preview.phase === 'loading' ? <span className="muted">Previewing…</span> : null}
        {preview.phase === 'failed' ? <span className="field-error">{preview.message}</span> : null}
        {preview.phase === 'done' && !preview.result.ok ? (
          <span className="field-error">{preview.result.error.message}</span>
        ) : null}
        {preview.phase === 'done' && preview.result.ok ? (
          <ul className="preview-values">
            {preview.result.results.map((r) => (
              <li key={r.webexId}>
                <span className="muted">{r.displayName ?? r.webexId}:</span>{' '}
                {r.value ?? <em className="muted">empty</em>}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  )
}
