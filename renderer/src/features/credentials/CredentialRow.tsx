import type { Credential } from '../../../../shared/domain/credential'
import { useAppStore } from '../../app/store'
import { AuthorizationDetails } from './AuthorizationDetails'
import { CredentialActions } from './CredentialActions'
import { AUTH_TYPE_LABELS } from './labels'
import { selectRowError } from './selectors'
import { StatusBadge } from './StatusBadge'

type Props = { credential: Credential; onDelete: (c: Credential) => void }

export function CredentialRow({ credential, onDelete }: Props) {
  const rowError = useAppStore(selectRowError(credential.id))
  return (
    <tr data-testid="credential-row" data-credential-id={credential.id}>
      <th scope="row" className="cell-name">
        {credential.name}
        {credential.isDemo ? <span className="badge badge-demo-label">Demo</span> : null}
      </th>
      <td>{credential.owner || <span className="muted">—</span>}</td>
      <td>{AUTH_TYPE_LABELS[credential.authType]}</td>
      <td>
        <StatusBadge status={credential.status} />
      </td>
      <td>
        <AuthorizationDetails credential={credential} />
        {rowError ? (
          <p className="row-error" role="alert">
            {rowError}
          </p>
        ) : null}
      </td>
      <td>
        <CredentialActions credential={credential} onDelete={onDelete} />
      </td>
    </tr>
  )
}
