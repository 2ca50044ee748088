import { useAppStore } from '../../app/store'
import { Dialog } from '../../lib/Dialog'
import { IntegrationForm } from './IntegrationForm'

/** The create/edit dialog, driven by the store's `integrationEditor` so other views can open it. */
export function IntegrationEditorDialog() {
  const editor = useAppStore((s) => s.integrationEditor)
  const editId = editor?.mode === 'edit' ? editor.id : null
  const editing = useAppStore((s) => s.integrations.find((i) => i.id === editId))
  const close = useAppStore((s) => s.closeIntegrationEditor)

  if (!editor) return null
  if (editor.mode === 'edit' && !editing) return null
  return (
    <Dialog
      title={editing ? `Edit “${editing.name}”` : 'Create integration'}
      onClose={close}
      className="dialog-xwide"
    >
      <IntegrationForm key={editing?.id ?? 'new'} integration={editing} onCancel={close} />
    </Dialog>
  )
}
