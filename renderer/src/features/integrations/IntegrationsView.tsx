import { useEffect, useState } from 'react'
import type { Integration } from '../../../../shared/domain/integration'
import { useAppStore } from '../../app/store'
import { MappingEditor } from '../mapping/MappingEditor'
import { EmptyState } from '../shell/EmptyState'
import { PreviewDialog } from '../preview/PreviewDialog'
import { DeleteIntegrationDialog } from './DeleteIntegrationDialog'
import { IntegrationEditorDialog } from './IntegrationEditorDialog'
import { IntegrationsTable } from './IntegrationsTable'
import { RolesDialog } from './RolesDialog'

export function IntegrationsView() {
  const integrations = useAppStore((s) => s.integrations)
  const loaded = useAppStore((s) => s.integrationsLoaded)
  const loadError = useAppStore((s) => s.integrationsError)
  const hasCredentials = useAppStore((s) => s.credentials.length > 0)
  const openEditor = useAppStore((s) => s.openIntegrationEditor)
  const navigate = useAppStore((s) => s.navigate)
  const [deleting, setDeleting] = useState<Integration | null>(null)
  const [managingRoles, setManagingRoles] = useState(false)
  const editingMapping = useAppStore((s) => s.mappingIntegrationId !== null)

  useEffect(() => {
    const { loadIntegrations, loadRoles } = useAppStore.getState()
    void loadIntegrations()
    void loadRoles()
  }, [])

  if (editingMapping) return <MappingEditor />
  return (
    <div className="stack">
      <div className="toolbar">
        <p className="muted toolbar-text">
          An integration pulls the users of a Webex organization into People on a schedule. It stays
          a draft until its mandatory settings are in place.
        </p>
        <div className="row-actions">
          <button type="button" className="btn" onClick={() => setManagingRoles(true)}>
            Manage roles
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => openEditor({ mode: 'create' })}
          >
            Create integration
          </button>
        </div>
      </div>
      {loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {!loaded ? (
        <p className="muted" role="status">
          Loading integrations…
        </p>
      ) : integrations.length > 0 ? (
        <IntegrationsTable integrations={integrations} onDelete={setDeleting} />
      ) : (
        <EmptyState
          title="No integrations yet"
          actions={
            hasCredentials ? (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => openEditor({ mode: 'create' })}
              >
                Create integration
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => navigate('credentials')}>
                Go to Credentials
              </button>
            )
          }
        >
          {hasCredentials
            ? 'Create an integration to bring your Webex users into Roster.'
            : 'An integration needs a credential. Add one first, or explore the demo organization.'}
        </EmptyState>
      )}
      <IntegrationEditorDialog />
      <PreviewDialog />
      {deleting ? (
        <DeleteIntegrationDialog integration={deleting} onClose={() => setDeleting(null)} />
      ) : null}
      {managingRoles ? <RolesDialog onClose={() => setManagingRoles(false)} /> : null}
    </div>
  )
}
