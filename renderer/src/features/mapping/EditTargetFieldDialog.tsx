/**
 * Rename or delete a custom field. When records hold values (or a mapping fills it) the core says
 * what would happen to the data, in plain words, and the admin confirms before anything changes.
 */
import { useEffect, useState } from 'react'
import type { FieldImpact } from '../../../../shared/domain/custom-field'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { Dialog } from '../../lib/Dialog'
import { setMapping, unmap } from './model'

type Props = { fieldKey: string; onClose: () => void }

export function EditTargetFieldDialog({ fieldKey, onClose }: Props) {
  const field = useAppStore((s) => s.customFields.find((f) => f.key === fieldKey))
  const reload = useAppStore((s) => s.loadMappingCatalog)
  const editDraft = useAppStore((s) => s.editDraft)
  const [label, setLabel] = useState(field?.label ?? '')
  const [impact, setImpact] = useState<FieldImpact | null>(null)
  const [confirm, setConfirm] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void call('custom-fields:impact', { key: fieldKey }).then((res) => {
      if (res.ok) setImpact(res.value)
      else setError(res.error.message)
    })
  }, [fieldKey])

  const needsConfirm = impact?.needsConfirm ?? true
  const blocked = needsConfirm && !confirm
  // A field an integration matches people by cannot go: impact.onDelete says which integration.
  const isSyncKey = (impact?.syncKeyOf.length ?? 0) > 0

  const rename = async (): Promise<void> => {
    if (label.trim() === '') return setError('Give the field a name.')
    const res = await call('custom-fields:update', {
      key: fieldKey,
      label: label.trim(),
      ...(needsConfirm ? { confirm: true } : {})
    })
    if (!res.ok) return setError(res.error.message)
    await reload()
    onClose()
  }
  const remove = async (): Promise<void> => {
    const res = await call('custom-fields:delete', {
      key: fieldKey,
      ...(needsConfirm ? { confirm: true } : {})
    })
    if (!res.ok) return setError(res.error.message)
    // The core removed the saved mappings that filled it; the draft forgets it too.
    const target = field?.record === 'saas-user' ? `saas.custom.${fieldKey}` : `custom.${fieldKey}`
    editDraft((d) => setMapping(d, unmap(d.mapping, target)))
    await reload()
    onClose()
  }

  return (
    <Dialog title={`Field “${field?.label ?? fieldKey}”`} onClose={onClose} role="alertdialog">
      <div className="field">
        <label htmlFor="edit-field-name">Field name</label>
        <input
          id="edit-field-name"
          className="input"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
      </div>
      {impact ? (
        <div className="stack field-impact" data-testid="field-impact">
          <p>
            <strong>Rename:</strong> {impact.onRename}
          </p>
          <p>
            <strong>Delete:</strong> {impact.onDelete}
          </p>
          {needsConfirm ? (
            <label className="radio">
              <input
                type="checkbox"
                checked={confirm}
                onChange={(e) => setConfirm(e.target.checked)}
              />
              I understand what happens to the data
            </label>
          ) : null}
        </div>
      ) : (
        <p className="muted">Checking what the field holds…</p>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button
          type="button"
          className="btn btn-danger"
          disabled={!impact || blocked || isSyncKey}
          onClick={() => void remove()}
        >
          Delete field
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!impact || blocked || label.trim() === field?.label}
          onClick={() => void rename()}
        >
          Rename
        </button>
      </div>
    </Dialog>
  )
}
