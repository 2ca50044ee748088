import { useEffect, useState } from 'react'
import { PREFERENCES, RECORD_SCOPES, type Integration } from '../../../../shared/domain/integration'
import { useAppStore } from '../../app/store'
import { Field } from '../credentials/Field'
import { SelectField } from '../../lib/SelectField'
import { FiltersEditor } from './FiltersEditor'
import {
  formReadiness,
  initialIntegrationValues,
  toCreateIntegrationInput,
  toUpdateIntegrationInput,
  validateIntegration,
  type IntegrationFormErrors,
  type IntegrationFormValues
} from './form-model'
import { PREFERENCE_LABELS, SCOPE_LABELS } from './labels'
import { MappingTable } from './MappingTable'
import { RadioGroup } from './RadioGroup'
import { RolesDialog } from './RolesDialog'
import { ScheduleFields } from './ScheduleFields'
import { asSyncKey, syncKeyOptions } from './sync-key-options'

type Props = { integration?: Integration; onCancel: () => void }

export function IntegrationForm({ integration, onCancel }: Props) {
  const credentials = useAppStore((s) => s.credentials)
  const roles = useAppStore((s) => s.roles)
  const customFields = useAppStore((s) => s.customFields)
  const loadCustomFields = useAppStore((s) => s.loadCustomFields)
  const create = useAppStore((s) => s.createIntegration)
  const update = useAppStore((s) => s.updateIntegration)
  const [values, setValues] = useState<IntegrationFormValues>(() =>
    initialIntegrationValues(integration, {
      credentialId: credentials[0]?.id ?? '',
      role: (roles.find((r) => r.name === 'Employee') ?? roles[0])?.name ?? 'Employee'
    })
  )
  const [errors, setErrors] = useState<IntegrationFormErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [managingRoles, setManagingRoles] = useState(false)

  const set = <K extends keyof IntegrationFormValues>(k: K, v: IntegrationFormValues[K]) =>
    setValues((old) => ({ ...old, [k]: v }))
  // Unique custom person fields can be sync keys: the list may have changed in the mapping studio.
  useEffect(() => void loadCustomFields(), [loadCustomFields])

  const roleNames = roles.map((r) => r.name)
  const readiness = formReadiness(values, roleNames, customFields)
  const keyOptions = (noneLabel: string) => [
    { value: '', label: noneLabel },
    ...syncKeyOptions(customFields, [values.syncKeys.primary, values.syncKeys.secondary])
  ]

  const submit = async (): Promise<void> => {
    const found = validateIntegration(values)
    setErrors(found)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    setServerError(null)
    const err = integration
      ? await update(toUpdateIntegrationInput(integration.id, values))
      : await create(toCreateIntegrationInput(values))
    setBusy(false)
    if (err) setServerError(err.message)
  }

  const roleOptions = [
    { value: '', label: 'Choose a role…' },
    ...roleNames.map((n) => ({ value: n, label: n })),
    // A role renamed or removed elsewhere: keep showing what is stored, readiness flags it.
    ...(values.role && !roleNames.includes(values.role)
      ? [{ value: values.role, label: `${values.role} (not in the list)` }]
      : [])
  ]

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <div className="form-grid">
        <Field
          label="Name"
          value={values.name}
          onValue={(v) => set('name', v)}
          error={errors.name}
          autoFocus
        />
        <SelectField
          label="Credential"
          value={values.credentialId}
          onValue={(v) => set('credentialId', v)}
          options={[
            { value: '', label: 'Choose a credential…' },
            ...credentials.map((c) => ({ value: c.id, label: c.name }))
          ]}
        />
      </div>
      <div className="form-grid">
        <RadioGroup
          legend="Record scope"
          value={values.scope}
          options={RECORD_SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
          onValue={(v) => set('scope', v)}
        />
        <RadioGroup
          legend="Preference"
          value={values.preference}
          options={PREFERENCES.map((p) => ({ value: p, label: PREFERENCE_LABELS[p] }))}
          onValue={(v) => set('preference', v)}
        />
      </div>
      <ScheduleFields values={values} errors={errors} set={set} />
      <div className="form-grid">
        <SelectField
          label="Primary sync key"
          value={values.syncKeys.primary ?? ''}
          options={keyOptions('Choose a sync key…')}
          onValue={(v) => set('syncKeys', { ...values.syncKeys, primary: asSyncKey(v) })}
          hint="Matches an incoming Webex user to an existing person. The Webex ID is always tried first."
        />
        <SelectField
          label="Secondary sync key"
          value={values.syncKeys.secondary ?? ''}
          options={keyOptions('None')}
          onValue={(v) => set('syncKeys', { ...values.syncKeys, secondary: asSyncKey(v) })}
        />
      </div>
      <div className="form-inline">
        <SelectField
          label="Role"
          value={values.role}
          options={roleOptions}
          onValue={(v) => set('role', v)}
          hint="Every person this integration creates gets this role (mandatory mapping)."
        />
        <button type="button" className="btn btn-small" onClick={() => setManagingRoles(true)}>
          Manage roles
        </button>
      </div>
      <FiltersEditor
        filters={values.filters}
        onChange={(f) => set('filters', f)}
        error={errors.filters}
      />
      <MappingTable mapping={values.mapping} role={values.role} />
      <p
        className={readiness.ready ? 'readiness readiness-ok' : 'readiness'}
        data-testid="form-readiness"
        aria-live="polite"
      >
        {readiness.ready
          ? 'Ready to launch once saved.'
          : `Saved as a draft. Missing: ${readiness.missing.join('; ')}.`}
      </p>
      {serverError ? (
        <p className="form-error" role="alert" data-testid="form-server-error">
          {serverError}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {integration ? 'Save changes' : 'Create integration'}
        </button>
      </div>
      {managingRoles ? <RolesDialog onClose={() => setManagingRoles(false)} /> : null}
    </form>
  )
}
