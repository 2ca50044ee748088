/**
 * Create or edit a custom API field: a name and a path, template or constant over the raw Webex
 * person. Syntax errors show at once (parsed here); values come from the last read (the core).
 */
import { useState } from 'react'
import { parseExpression } from '../../../../shared/domain/mapping-expression'
import type { ApiField } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { Dialog } from '../../lib/Dialog'
import { ExpressionError } from './ExpressionError'
import { useEvaluate } from './use-evaluate'

const EXAMPLES = [
  "phoneNumbers[?type=='work'].value",
  'addresses[0].locality',
  '{{firstName}} {{lastName}}',
  "'Employee'"
]

type Props = { field: ApiField | null; onClose: () => void }

export function ApiFieldDialog({ field, onClose }: Props) {
  const reload = useAppStore((s) => s.loadMappingCatalog)
  const [name, setName] = useState(field?.name ?? '')
  const [expression, setExpression] = useState(field?.expression ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const parsed = expression.trim() === '' ? null : parseExpression(expression)
  const preview = useEvaluate(parsed?.ok ? expression : null, [], 5)

  const save = async (): Promise<void> => {
    if (name.trim() === '') return setError('Give the field a name.')
    if (!parsed?.ok) return setError('Fix the expression first.')
    setBusy(true)
    const res = await call('api-fields:save', {
      ...(field ? { id: field.id } : {}),
      name: name.trim(),
      expression
    })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    await reload()
    onClose()
  }
  const remove = async (): Promise<void> => {
    if (!field) return
    const res = await call('api-fields:delete', { id: field.id })
    if (!res.ok) return setError(res.error.message)
    await reload()
    onClose()
  }

  return (
    <Dialog
      title={field ? `Edit API field “${field.name}”` : 'New custom API field'}
      onClose={onClose}
      className="dialog-wide"
    >
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div className="field">
          <label htmlFor="api-field-name">Name</label>
          <input
            id="api-field-name"
            className="input"
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="api-field-expression">Path or template</label>
          <input
            id="api-field-expression"
            className="input mono"
            value={expression}
            spellCheck={false}
            aria-invalid={parsed && !parsed.ok ? true : undefined}
            aria-describedby="api-field-examples"
            onChange={(e) => setExpression(e.target.value)}
          />
          <p id="api-field-examples" className="field-hint">
            Over the Webex person as Webex sends it, e.g.{' '}
            {EXAMPLES.map((x, i) => (
              <span key={x}>
                {i > 0 ? ', ' : ''}
                <code>{x}</code>
              </span>
            ))}
            .
          </p>
          {parsed && !parsed.ok ? <ExpressionError text={expression} error={parsed.error} /> : null}
        </div>
        <section className="api-preview" aria-labelledby="api-preview-title" aria-live="polite">
          <h4 id="api-preview-title">Preview on sample people</h4>
          {preview.phase === 'idle' ? (
            <p className="muted">Type a path or template to see its values.</p>
          ) : null}
          {preview.phase === 'loading' ? <p className="muted">Evaluating…</p> : null}
          {preview.phase === 'failed' ? <p className="field-error">{preview.message}</p> : null}
          {preview.phase === 'done' && !preview.result.ok ? (
            <ExpressionError text={expression} error={preview.result.error} />
          ) : null}
          {preview.phase === 'done' && preview.result.ok ? (
            preview.result.results.length === 0 ? (
              <p className="muted">No people in the last read yet: run the integration once.</p>
            ) : (
              <table className="table table-compact" aria-label="Preview values">
                <tbody>
                  {preview.result.results.map((r) => (
                    <tr key={r.webexId} data-testid="api-preview-row">
                      <th scope="row">{r.displayName ?? r.webexId}</th>
                      <td>{r.value ?? <em className="muted">empty</em>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          ) : null}
        </section>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          {field ? (
            <button type="button" className="btn btn-danger" onClick={() => void remove()}>
              Delete field
            </button>
          ) : null}
          <span className="toolbar-spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Save API field
          </button>
        </div>
      </form>
    </Dialog>
  )
}
