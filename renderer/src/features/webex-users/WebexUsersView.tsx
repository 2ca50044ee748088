import type { ListQuery } from '../../../../shared/domain/list-query'
import type { SaasUserRecord } from '../../../../shared/domain/saas-user'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { RecordList } from '../records/RecordList'
import { EmptyState } from '../shell/EmptyState'
import { SaasUserPage } from './SaasUserPage'

const listSaasUsers = (q: ListQuery) => call('saas-users:list', q)
const saasColumns = () => call('saas-users:columns', undefined)
const saasUserId = (u: SaasUserRecord) => u.id

export function WebexUsersView() {
  const openId = useAppStore((s) => s.openRecordIds['saas-users'])
  const navigate = useAppStore((s) => s.navigate)

  if (openId) return <SaasUserPage id={openId} />
  return (
    <RecordList
      listKey="saas-users"
      noun="Webex users"
      list={listSaasUsers}
      columns={saasColumns}
      rowId={saasUserId}
      empty={
        <EmptyState
          title="No Webex users yet"
          actions={
            <button type="button" className="btn" onClick={() => navigate('integrations')}>
              Go to Integrations
            </button>
          }
        >
          Webex accounts appear here after an integration with the “User plus SaaS user” scope runs.
        </EmptyState>
      }
    />
  )
}
