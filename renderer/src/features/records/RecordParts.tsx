/** Pieces of the person and Webex user pages: back bar, field list, Webex account, change history. */
import type { ReactNode } from 'react'
import type { CustomField, RecordKind } from '../../../../shared/domain/custom-field'
import type { HistoryEntry } from '../../../../shared/domain/person'
import type { SaasUserRecord } from '../../../../shared/domain/saas-user'
import { formatAbsolute } from '../../lib/format-time'
import { formatCell } from './format-cell'

export function BackBar({
  label,
  onBack,
  title
}: {
  label: string
  onBack: () => void
  title: string
}) {
  return (
    <div className="toolbar">
      <button type="button" className="btn" onClick={onBack}>
        ← {label}
      </button>
      <h2 className="record-title" data-testid="record-title">
        {title}
      </h2>
      <span className="toolbar-spacer" />
    </div>
  )
}

export type FieldRow = { label: string; value: ReactNode }

export function FieldList({ rows, label }: { rows: FieldRow[]; label: string }) {
  return (
    <dl className="field-list" aria-label={label}>
      {rows.map((r) => (
        <div key={r.label} className="field-list-row">
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  )
}

export const text = (v: unknown): string => formatCell(v, 'text')
export const date = (v: string | null): string => (v ? formatAbsolute(v) : '—')

/** A record's custom values as rows, under each field's current name (values are kept by key). */
export const customRows = (
  values: Record<string, unknown>,
  fields: readonly CustomField[],
  record: RecordKind
): FieldRow[] =>
  Object.entries(values).map(([k, v]) => ({
    label: fields.find((f) => f.key === k && f.record === record)?.label ?? k,
    value: text(v)
  }))

/** The Webex account card; `custom` are the rows of its custom SaaS user fields (customRows). */
export function WebexAccount({ user, custom = [] }: { user: SaasUserRecord; custom?: FieldRow[] }) {
  const activity =
    user.lastActivity === null
      ? 'No activity recorded'
      : `${formatAbsolute(user.lastActivity)}${
          user.daysSinceActivity !== null
            ? ` (${user.daysSinceActivity} day${user.daysSinceActivity === 1 ? '' : 's'} ago)`
            : ''
        }`
  return (
    <section
      className="card stack"
      aria-labelledby="webex-account-title"
      data-testid="webex-account"
    >
      <h3 id="webex-account-title">Webex account</h3>
      {user.notInWebex ? (
        <p className="form-error">
          Not in Webex since {date(user.notInWebexSince)}: the last complete listing did not include
          this account.
        </p>
      ) : null}
      <FieldList
        label="Webex account"
        rows={[
          { label: 'Email', value: text(user.email) },
          { label: 'Status', value: text(user.status) },
          { label: 'Roles', value: text(user.roles) },
          { label: 'Last activity', value: activity },
          { label: 'Licences', value: text(user.licenses) },
          { label: 'Invite pending', value: text(user.invitePending) },
          { label: 'Login enabled', value: text(user.loginEnabled) },
          { label: 'Type', value: text(user.type) },
          { label: 'Webex ID', value: <code className="wrap">{user.webexId}</code> },
          ...custom,
          { label: 'Last synced', value: date(user.syncTime) }
        ]}
      />
    </section>
  )
}

export function HistoryTable({ history }: { history: HistoryEntry[] }) {
  return (
    <section className="card stack" aria-labelledby="history-title">
      <h3 id="history-title">Change history</h3>
      {history.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact" aria-label="Change history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Field</th>
                <th scope="col">Old</th>
                <th scope="col">New</th>
                <th scope="col">Run</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={`${h.at}-${h.field}-${i}`} data-testid="history-row">
                  <td>{formatAbsolute(h.at)}</td>
                  <td>
                    {h.recordType === 'saas-user' ? 'Webex · ' : ''}
                    {h.field}
                  </td>
                  <td className="diff-old">{h.oldValue ?? '—'}</td>
                  <td className="diff-new">{h.newValue ?? '—'}</td>
                  <td className="muted">{h.runId ? h.runId.slice(0, 8) : 'manual'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** What a record page shows until its record is loaded: the back bar, then "Loading…" or the error. */
export function RecordPending({
  backLabel,
  title,
  onBack,
  error
}: {
  backLabel: string
  title: string
  onBack: () => void
  error: string | null
}) {
  return (
    <div className="stack">
      <BackBar label={backLabel} onBack={onBack} title={title} />
      {error === null ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
