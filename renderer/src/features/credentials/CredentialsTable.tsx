import type { Credential } from '../../../../shared/domain/credential'
import { CredentialRow } from './CredentialRow'

type Props = { credentials: Credential[]; onDelete: (c: Credential) => void }

export function CredentialsTable({ credentials, onDelete }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Credentials">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Owner</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Authorization</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((c) => (
            <CredentialRow key={c.id} credential={c} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
