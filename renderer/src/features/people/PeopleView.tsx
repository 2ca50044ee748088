import type { ListQuery } from '../../../../shared/domain/list-query'
import type { PersonRecord } from '../../../../shared/domain/person'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { RecordList } from '../records/RecordList'
import { EmptyState } from '../shell/EmptyState'
import { PersonPage } from './PersonPage'

// Module-level so their identity never changes: the list refetches only when the query does.
const listPeople = (q: ListQuery) => call('people:list', q)
const peopleColumns = () => call('people:columns', undefined)
const personId = (p: PersonRecord) => p.id

export function PeopleView() {
  const openId = useAppStore((s) => s.openRecordIds.people)
  const navigate = useAppStore((s) => s.navigate)
  const hasCredentials = useAppStore((s) => s.credentials.length > 0)

  if (openId) return <PersonPage id={openId} />
  return (
    <RecordList
      listKey="people"
      noun="people"
      list={listPeople}
      columns={peopleColumns}
      rowId={personId}
      empty={
        <EmptyState
          title="No people yet"
          actions={
            <>
              {hasCredentials ? null : (
                <button type="button" className="btn" onClick={() => navigate('credentials')}>
                  Go to Credentials
                </button>
              )}
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => navigate('integrations')}
              >
                Go to Integrations
              </button>
            </>
          }
        >
          No people yet. Add a credential and launch the Webex users integration.
        </EmptyState>
      }
    />
  )
}
