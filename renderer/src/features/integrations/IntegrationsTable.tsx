import type { Integration } from '../../../../shared/domain/integration'
import { IntegrationRow } from './IntegrationRow'

type Props = { integrations: Integration[]; onDelete: (i: Integration) => void }

export function IntegrationsTable({ integrations, onDelete }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Integrations">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Credential</th>
            <th scope="col">Scope</th>
            <th scope="col">Preference</th>
            <th scope="col">Schedule</th>
            <th scope="col">Last run</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {integrations.map((i) => (
          <IntegrationRow key={i.id} integration={i} onDelete={onDelete} />
        ))}
      </table>
    </div>
  )
}
