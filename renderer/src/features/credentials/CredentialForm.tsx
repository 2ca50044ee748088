/**
 * Add or edit a credential. Values live in this component only; secrets are cleared from its state as
 * soon as the form is submitted, whatever the outcome, and never enter the app store.
 */
import { useState, type FormEvent } from 'react'
import type { Credential } from '../../../../shared/domain/credential'
import { useAppStore } from '../../app/store'
import { Field } from './Field'
import {
  initialValues,
  redirectUri,
  toCreateInput,
  toUpdateInput,
  validate,
  type FieldErrors,
  type FormValues
} from './form-model'
import { AUTH_TYPE_LABELS } from './labels'

type Props = { credential?: Credential; onCancel: () => void }

export function CredentialForm({ credential, onCancel }: Props) {
  const mode = credential ? 'edit' : 'create'
  const createCredential = useAppStore((s) => s.createCredential)
  const updateCredential = useAppStore((s) => s.updateCredential)
  const [values, setValues] = useState<FormValues>(() => initialValues(credential))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [secretsCleared, setSecretsCleared] = useState(false)

  const set =
    <K extends keyof FormValues>(key: K) =>
    (value: FormValues[K]): void =>
      setValues((v) => ({ ...v, [key]: value }))

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const found = validate(values, mode)
    setErrors(found)
    setServerError(null)
    if (Object.keys(found).length > 0) return
    // `values` is this render's snapshot, so the request keeps the secrets cleared just below.
    const send = credential
      ? () => updateCredential(toUpdateInput(credential.id, values))
      : () => createCredential(toCreateInput(values))
    // Drop the secrets from component state now: from here on they exist only in the request.
    setValues((v) => ({ ...v, clientSecret: '', accessToken: '' }))
    setBusy(true)
    const err = await send()
    setBusy(false)
    if (err) {
      setServerError(err.message)
      setSecretsCleared(mode === 'create')
    }
  }

  const isOauth = values.authType === 'oauth'
  const keepHint =
    mode === 'edit' ? 'Leave blank to keep the one stored in the keychain.' : undefined

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-label="Credential">
      <Field label="Name" value={values.name} onValue={set('name')} error={errors.name} required />
      <Field
        label="Owner"
        value={values.owner}
        onValue={set('owner')}
        error={errors.owner}
        hint="Who is responsible for this credential (optional)."
      />
      <fieldset className="field radio-group" disabled={mode === 'edit'}>
        <legend>Authentication type</legend>
        {(['oauth', 'token'] as const).map((t) => (
          <label key={t} className="radio">
            <input
              type="radio"
              name="authType"
              value={t}
              checked={values.authType === t}
              onChange={() => set('authType')(t)}
            />
            {AUTH_TYPE_LABELS[t]}
          </label>
        ))}
      </fieldset>
      {isOauth ? (
        <>
          <Field
            label="Client ID"
            value={values.clientId}
            onValue={set('clientId')}
            error={errors.clientId}
            autoComplete="off"
            required
          />
          <Field
            label="Client secret"
            type="password"
            value={values.clientSecret}
            onValue={set('clientSecret')}
            error={errors.clientSecret}
            hint={keepHint ?? 'Stored only in the system keychain.'}
            autoComplete="off"
            required={mode === 'create'}
          />
          <Field
            label="Scopes"
            value={values.scopes}
            onValue={set('scopes')}
            error={errors.scopes}
            hint="Separated by spaces."
            autoComplete="off"
          />
          <Field
            label="Redirect port"
            inputMode="numeric"
            value={values.redirectPort}
            onValue={set('redirectPort')}
            error={errors.redirectPort}
            hint={
              <>
                Redirect URI:{' '}
                <code data-testid="redirect-uri">{redirectUri(values.redirectPort)}</code>. Register
                exactly this URI on your Webex integration.
              </>
            }
          />
        </>
      ) : (
        <Field
          label="Access token"
          type="password"
          value={values.accessToken}
          onValue={set('accessToken')}
          error={errors.accessToken}
          hint={
            keepHint ?? 'Stored only in the system keychain. Personal tokens expire after 12 hours.'
          }
          autoComplete="off"
          required={mode === 'create'}
        />
      )}
      {serverError ? (
        <div className="form-error" role="alert" data-testid="form-server-error">
          {serverError}
          {secretsCleared ? ' For your safety the secret was cleared: type it again.' : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {mode === 'edit' ? 'Save changes' : 'Add credential'}
        </button>
      </div>
    </form>
  )
}
