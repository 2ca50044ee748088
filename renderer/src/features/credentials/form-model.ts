/**
 * The credential form as plain data: values as typed, plain-language checks mirroring the contract's
 * schema, and conversion to the contract's inputs. No React here, so it is easy to test.
 */
import {
  DEFAULT_REDIRECT_PORT,
  DEFAULT_SCOPES,
  type AuthType,
  type CreateCredentialInput,
  type Credential,
  type UpdateCredentialInput
} from '../../../../shared/domain/credential'

export type FormValues = {
  name: string
  owner: string
  authType: AuthType
  clientId: string
  clientSecret: string
  scopes: string
  redirectPort: string
  accessToken: string
}
export type FieldName = keyof FormValues
export type FieldErrors = Partial<Record<FieldName, string>>
export type FormMode = 'create' | 'edit'

export const redirectUri = (port: string): string =>
  `http://127.0.0.1:${/^\d+$/.test(port.trim()) ? port.trim() : '<port>'}/callback`

export function initialValues(credential?: Credential): FormValues {
  return {
    name: credential?.name ?? '',
    owner: credential?.owner ?? '',
    authType: credential?.authType ?? 'oauth',
    clientId: credential?.clientId ?? '',
    clientSecret: '',
    scopes: credential?.scopes ?? DEFAULT_SCOPES,
    redirectPort: String(credential?.redirectPort ?? DEFAULT_REDIRECT_PORT),
    accessToken: ''
  }
}

const SCOPES_RE = /^[\w:.-]+( [\w:.-]+)*$/

export function validate(v: FormValues, mode: FormMode): FieldErrors {
  const errors: FieldErrors = {}
  if (v.name.trim() === '') errors.name = 'Give the credential a name.'
  else if (v.name.trim().length > 120) errors.name = 'Use at most 120 characters.'
  if (v.owner.trim().length > 120) errors.owner = 'Use at most 120 characters.'
  // On edit a blank secret keeps the stored one.
  const secretRequired = mode === 'create'
  if (v.authType === 'oauth') {
    if (v.clientId.trim() === '') errors.clientId = 'Enter the client ID of your Webex integration.'
    if (secretRequired && v.clientSecret.trim() === '')
      errors.clientSecret = 'Enter the client secret of your Webex integration.'
    if (!SCOPES_RE.test(v.scopes.trim()))
      errors.scopes = 'List scopes separated by single spaces, e.g. spark:people_read.'
    const port = Number(v.redirectPort.trim())
    if (!/^\d+$/.test(v.redirectPort.trim()) || port < 1024 || port > 65535)
      errors.redirectPort = 'Use a port from 1024 to 65535.'
  } else if (secretRequired && v.accessToken.trim() === '') {
    errors.accessToken = 'Paste an access token from developer.webex.com.'
  }
  for (const key of ['clientSecret', 'accessToken'] as const) {
    if (v[key].trim().length > 4096) errors[key] = 'This is longer than any Webex secret.'
  }
  return errors
}

export function toCreateInput(v: FormValues): CreateCredentialInput {
  if (v.authType === 'token') {
    return {
      authType: 'token',
      name: v.name.trim(),
      owner: v.owner.trim(),
      accessToken: v.accessToken.trim()
    }
  }
  return {
    authType: 'oauth',
    name: v.name.trim(),
    owner: v.owner.trim(),
    clientId: v.clientId.trim(),
    clientSecret: v.clientSecret.trim(),
    scopes: v.scopes.trim(),
    redirectPort: Number(v.redirectPort.trim())
  }
}

export function toUpdateInput(id: string, v: FormValues): UpdateCredentialInput {
  const input: UpdateCredentialInput = { id, name: v.name.trim(), owner: v.owner.trim() }
  if (v.authType === 'token') {
    if (v.accessToken.trim() !== '') input.accessToken = v.accessToken.trim()
    return input
  }
  input.clientId = v.clientId.trim()
  input.scopes = v.scopes.trim()
  input.redirectPort = Number(v.redirectPort.trim())
  if (v.clientSecret.trim() !== '') input.clientSecret = v.clientSecret.trim()
  return input
}
