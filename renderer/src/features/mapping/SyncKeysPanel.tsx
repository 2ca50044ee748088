/**
 * Primary and secondary sync keys, on unique fields only, with a warning when the last read shows
 * duplicate or empty values for them.
 */
import { useEffect, useRef, useState } from 'react'
import type { SyncKeys } from '../../../../shared/domain/integration'
import type { Mapping } from '../../../../shared/domain/mapping'
import type { SyncKeyCheck } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { SelectField } from '../../lib/SelectField'
import { asSyncKey, syncKeyOptions } from '../integrations/sync-key-options'
import { setSyncKeys } from './model'
import type { ValidationIssue } from '../../../../shared/domain/mapping-studio'

export function SyncKeysPanel({ issues }: { issues: readonly ValidationIssue[] }) {
  const draft = useAppStore((s) => s.mappingHistory?.present)
  const customFields = useAppStore((s) => s.customFields)
  const editDraft = useAppStore((s) => s.editDraft)
  const [check, setCheck] = useState<SyncKeyCheck | null>(null)
  const latest = useRef(0)
  const key = draft ? JSON.stringify([draft.mapping, draft.syncKeys]) : ''

  useEffect(() => {
    const ticket = ++latest.current
    if (!key) return
    const timer = setTimeout(() => {
      const [mapping, syncKeys] = JSON.parse(key) as [Mapping, SyncKeys]
      void call('mapping:check-sync-keys', { mapping, syncKeys }).then((res) => {
        if (ticket === latest.current && res.ok) setCheck(res.value)
      })
    }, 300)
    return () => clearTimeout(timer)
  }, [key])

  if (!draft) return null
  const keys = draft.syncKeys
  // Only unique fields can match people: the built-in keys, then unique custom person fields.
  const options = syncKeyOptions(customFields, [keys.primary, keys.secondary])

  return (
    <section className="card stack" aria-labelledby="sync-keys-title" data-testid="sync-keys">
      <h3 id="sync-keys-title">Sync keys</h3>
      <p className="field-hint">
        How an incoming Webex user is matched to an existing person. Only unique fields can be keys;
        the Webex ID is always tried first, so renames never create duplicates.
      </p>
      <div className="form-grid">
        <SelectField
          label="Primary sync key"
          value={keys.primary ?? ''}
          options={[{ value: '', label: 'Choose a sync key…' }, ...options]}
          onValue={(v) =>
            editDraft((d) => setSyncKeys(d, { ...d.syncKeys, primary: asSyncKey(v) }))
          }
        />
        <SelectField
          label="Secondary sync key"
          value={keys.secondary ?? ''}
          options={[{ value: '', label: 'None' }, ...options]}
          onValue={(v) =>
            editDraft((d) => setSyncKeys(d, { ...d.syncKeys, secondary: asSyncKey(v) }))
          }
        />
      </div>
      {check?.warnings.map((w, i) => (
        <p key={i} className="field-warning" data-testid="sync-key-warning">
          {w.message}
          {w.examples.length > 0 ? ` (e.g. ${w.examples.slice(0, 3).join(', ')})` : ''}
        </p>
      ))}
      {check && check.warnings.length === 0 && check.checked > 0 ? (
        <p className="field-hint">
          Checked on {check.checked} people: no duplicate or empty values.
        </p>
      ) : null}
      {issues.map((i, n) => (
        <p key={n} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
          {i.message}
        </p>
      ))}
    </section>
  )
}
