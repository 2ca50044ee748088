/** One person: every field, the linked Webex account, and the change history. */
import { useEffect } from 'react'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import {
  BackBar,
  customRows,
  RecordPending,
  date,
  FieldList,
  HistoryTable,
  text,
  WebexAccount
} from '../records/RecordParts'
import { useRecord } from '../records/use-record'

const getPerson = (id: string) => call('people:get', { id })

export function PersonPage({ id }: { id: string }) {
  const openRecord = useAppStore((s) => s.openRecord)
  const state = useRecord(getPerson, id)
  const customFields = useAppStore((s) => s.customFields)
  useEffect(() => {
    void useAppStore.getState().loadCustomFields()
  }, [])
  const back = () => openRecord('people', null)

  if (state.phase !== 'ready')
    return (
      <RecordPending
        backLabel="People"
        title="Person"
        onBack={back}
        error={state.phase === 'error' ? state.message : null}
      />
    )

  const { person: p, saasUser, history } = state.value
  // Custom values are kept under the field's key; show the field's current name.
  const custom = Object.entries(p.custom).map(([k, v]) => ({
    label: customFields.find((f) => f.key === k && f.record === 'person')?.label ?? k,
    value: text(v)
  }))
  return (
    <div className="stack" data-testid="person-page">
      <BackBar
        label="People"
        onBack={back}
        title={p.displayName ?? p.email ?? p.username ?? 'Person'}
      />
      <div className="record-grid">
        <section className="card stack" aria-labelledby="person-fields-title">
          <h3 id="person-fields-title">Person record</h3>
          <FieldList
            label="Person record"
            rows={[
              { label: 'Username', value: text(p.username) },
              { label: 'Email', value: text(p.email) },
              { label: 'Display name', value: text(p.displayName) },
              { label: 'First name', value: text(p.firstName) },
              { label: 'Last name', value: text(p.lastName) },
              { label: 'Role', value: text(p.role) },
              { label: 'Webex status', value: text(p.webexStatus) },
              { label: 'Webex type', value: text(p.webexType) },
              { label: 'Invite pending', value: text(p.invitePending) },
              { label: 'Webex created', value: date(p.webexCreated) },
              { label: 'Webex last modified', value: date(p.webexLastModified) },
              { label: 'User Load Connector Sync Time', value: date(p.syncTime) },
              { label: 'Webex ID', value: <code className="wrap">{text(p.webexId)}</code> },
              { label: 'Webex org ID', value: <code className="wrap">{text(p.webexOrgId)}</code> },
              ...custom,
              { label: 'Created in Roster', value: date(p.createdAt) },
              { label: 'Updated in Roster', value: date(p.updatedAt) }
            ]}
          />
        </section>
        {saasUser ? (
          <WebexAccount
            user={saasUser}
            custom={customRows(saasUser.custom, customFields, 'saas-user')}
          />
        ) : (
          <section className="card" data-testid="webex-account">
            <h3>Webex account</h3>
            <p className="muted">
              No Webex account is linked. Accounts are kept when the integration’s scope is “User
              plus SaaS user”.
            </p>
          </section>
        )}
      </div>
      <HistoryTable history={history} />
    </div>
  )
}
