/** A new custom target field, created from the editor: name, type, unique, and where it shows. */
import { useState } from 'react'
import type { CustomFieldType, RecordKind } from '../../../../shared/domain/custom-field'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { Dialog } from '../../lib/Dialog'
import { SelectField } from '../../lib/SelectField'
import { CUSTOM_TYPES, FIELD_TYPE_LABELS } from './labels'

export function NewTargetFieldDialog({ onClose }: { onClose: () => void }) {
  const reload = useAppStore((s) => s.loadMappingCatalog)
  const [label, setLabel] = useState('')
  const [type, setType] = useState<CustomFieldType>('text')
  const [options, setOptions] = useState('')
  const [unique, setUnique] = useState(false)
  const [record, setRecord] = useState<RecordKind>('person')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const create = async (): Promise<void> => {
    const choices = options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean)
    if (label.trim() === '') return setError('Give the field a name.')
    if (type === 'choice' && choices.length === 0)
      return setError('A choice field needs at least one option (one a line).')
    setBusy(true)
    const res = await call('custom-fields:create', {
      label: label.trim(),
      type,
      options: type === 'choice' ? choices : [],
      unique,
      record
    })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    await reload()
    onClose()
  }

  return (
    <Dialog title="New target field" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <div className="field">
          <label htmlFor="new-field-name">Field name</label>
          <input
            id="new-field-name"
            className="input"
            value={label}
            autoFocus
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <SelectField
          label="Type"
          value={type}
          options={CUSTOM_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABELS[t] }))}
          onValue={(v) => setType(CUSTOM_TYPES.find((t) => t === v) ?? 'text')}
        />
        {type === 'choice' ? (
          <div className="field">
            <label htmlFor="new-field-options">Options (one a line)</label>
            <textarea
              id="new-field-options"
              className="input"
              rows={4}
              value={options}
              onChange={(e) => setOptions(e.target.value)}
            />
          </div>
        ) : null}
        <label className="radio">
          <input type="checkbox" checked={unique} onChange={(e) => setUnique(e.target.checked)} />
          Unique values (needed to use the field as a sync key)
        </label>
        <fieldset className="field radio-group">
          <legend>Shows on</legend>
          <label className="radio">
            <input
              type="radio"
              name="new-field-record"
              checked={record === 'person'}
              onChange={() => setRecord('person')}
            />
            People (filled by this mapping)
          </label>
          <label className="radio">
            <input
              type="radio"
              name="new-field-record"
              checked={record === 'saas-user'}
              onChange={() => setRecord('saas-user')}
            />
            SaaS users (filled by workflows)
          </label>
        </fieldset>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Create field
          </button>
        </div>
      </form>
    </Dialog>
  )
}
