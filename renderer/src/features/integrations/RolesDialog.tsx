/** Add, rename and delete the roles a person record may hold. A role in use cannot be deleted. */
import { useState } from 'react'
import type { RoleDto } from '../../../../shared/domain/role'
import { useAppStore } from '../../app/store'
import { Dialog } from '../../lib/Dialog'

function RoleRow({ role, onError }: { role: RoleDto; onError: (m: string | null) => void }) {
  const renameRole = useAppStore((s) => s.renameRole)
  const deleteRole = useAppStore((s) => s.deleteRole)
  const [name, setName] = useState(role.name)
  const changed = name.trim() !== '' && name.trim() !== role.name

  return (
    <li className="role-row" data-testid="role-row">
      <input
        className="input"
        aria-label={`Name of role ${role.name}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <span className="muted">
        {role.usedBy > 0 ? `Used by ${role.usedBy} integration(s)` : 'Not used'}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={!changed}
        onClick={() =>
          void renameRole(role.id, name.trim()).then((e) => onError(e?.message ?? null))
        }
      >
        Rename
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger"
        aria-label={`Delete role ${role.name}`}
        onClick={() => void deleteRole(role.id).then((e) => onError(e?.message ?? null))}
      >
        Delete
      </button>
    </li>
  )
}

export function RolesDialog({ onClose }: { onClose: () => void }) {
  const roles = useAppStore((s) => s.roles)
  const createRole = useAppStore((s) => s.createRole)
  const [newName, setNewName] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = async (): Promise<void> => {
    if (newName.trim() === '') return setError('Give the role a name.')
    const err = await createRole(newName.trim())
    setError(err?.message ?? null)
    if (!err) setNewName('')
  }

  return (
    <Dialog title="Manage roles" onClose={onClose}>
      <p className="muted">
        The Role mapping of an integration picks one of these for every person it creates.
      </p>
      <ul className="role-list">
        {roles.map((r) => (
          <RoleRow key={`${r.id}:${r.name}`} role={r} onError={setError} />
        ))}
      </ul>
      <form
        className="form-inline"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <input
          className="input"
          aria-label="New role name"
          placeholder="New role"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit" className="btn btn-small">
          Add role
        </button>
      </form>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  )
}
