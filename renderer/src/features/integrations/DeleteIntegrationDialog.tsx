import type { Integration } from '../../../../shared/domain/integration'
import { useAppStore } from '../../app/store'
import { ConfirmDialog } from '../../lib/ConfirmDialog'

type Props = { integration: Integration; onClose: () => void }

export function DeleteIntegrationDialog({ integration, onClose }: Props) {
  const deleteIntegration = useAppStore((s) => s.deleteIntegration)
  return (
    <ConfirmDialog
      title={`Delete “${integration.name}”?`}
      confirmLabel="Delete integration"
      onConfirm={async () => (await deleteIntegration(integration.id))?.message ?? null}
      onClose={onClose}
    >
      <p>
        Roster stops syncing with <strong>{integration.name}</strong> and forgets its settings. The
        people and Webex users it already brought in stay.
      </p>
    </ConfirmDialog>
  )
}
