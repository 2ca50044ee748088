/**
 * One Webex account: its roles, status, activity, licences and custom fields, the linked person, and
 * history.
 */
import { useEffect } from 'react'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import {
  BackBar,
  customRows,
  RecordPending,
  FieldList,
  HistoryTable,
  text,
  WebexAccount
} from '../records/RecordParts'
import { useRecord } from '../records/use-record'

const getSaasUser = (id: string) => call('saas-users:get', { id })

export function SaasUserPage({ id }: { id: string }) {
  const openRecord = useAppStore((s) => s.openRecord)
  const navigate = useAppStore((s) => s.navigate)
  const state = useRecord(getSaasUser, id)
  const customFields = useAppStore((s) => s.customFields)
  useEffect(() => {
    void useAppStore.getState().loadCustomFields()
  }, [])
  const back = () => openRecord('saas-users', null)

  if (state.phase !== 'ready')
    return (
      <RecordPending
        backLabel="Webex users"
        title="Webex user"
        onBack={back}
        error={state.phase === 'error' ? state.message : null}
      />
    )

  const { saasUser: u, person, history } = state.value
  return (
    <div className="stack" data-testid="saas-user-page">
      <BackBar label="Webex users" onBack={back} title={u.displayName ?? u.email ?? u.webexId} />
      <div className="record-grid">
        <WebexAccount user={u} custom={customRows(u.custom, customFields, 'saas-user')} />
        <section className="card stack" aria-labelledby="linked-person-title">
          <h3 id="linked-person-title">Person record</h3>
          {person ? (
            <>
              <FieldList
                label="Linked person"
                rows={[
                  { label: 'Name', value: text(person.displayName) },
                  { label: 'Email', value: text(person.email) },
                  { label: 'Role', value: text(person.role) }
                ]}
              />
              <div>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => {
                    openRecord('people', person.id)
                    navigate('people')
                  }}
                >
                  Open person
                </button>
              </div>
            </>
          ) : (
            <p className="muted">No person record is linked to this account.</p>
          )}
        </section>
      </div>
      <HistoryTable history={history} />
    </div>
  )
}
