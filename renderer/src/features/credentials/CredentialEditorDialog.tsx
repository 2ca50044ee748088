import { useAppStore } from '../../app/store'
import { Dialog } from '../../lib/Dialog'
import { CredentialForm } from './CredentialForm'

/** The add/edit dialog, driven by the store's `editor` state so other views can open it. */
export function CredentialEditorDialog() {
  const editor = useAppStore((s) => s.editor)
  const editId = editor?.mode === 'edit' ? editor.id : null
  const editing = useAppStore((s) => s.credentials.find((c) => c.id === editId))
  const closeEditor = useAppStore((s) => s.closeEditor)

  if (!editor) return null
  if (editor.mode === 'edit' && !editing) return null
  return (
    <Dialog
      title={editing ? `Edit “${editing.name}”` : 'Add credential'}
      onClose={closeEditor}
      className="dialog-wide"
    >
      <CredentialForm key={editing?.id ?? 'new'} credential={editing} onCancel={closeEditor} />
    </Dialog>
  )
}
