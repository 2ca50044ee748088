import type { Credential } from '../../../../shared/domain/credential'
import { useAppStore } from '../../app/store'
import { ConfirmDialog } from '../../lib/ConfirmDialog'

type Props = { credential: Credential; onClose: () => void }

export function DeleteCredentialDialog({ credential, onClose }: Props) {
  const deleteCredential = useAppStore((s) => s.deleteCredential)
  return (
    <ConfirmDialog
      title={`Delete “${credential.name}”?`}
      confirmLabel="Delete credential"
      onConfirm={async () => (await deleteCredential(credential.id))?.message ?? null}
      onClose={onClose}
    >
      <p>
        Roster removes the credential <strong>{credential.name}</strong> and deletes its secrets
        from the system keychain. Integrations that use it stop running until you pick another
        credential.
      </p>
    </ConfirmDialog>
  )
}
