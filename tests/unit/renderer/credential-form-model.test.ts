import { describe, expect, it } from 'vitest'
import {
  initialValues,
  redirectUri,
  toCreateInput,
  toUpdateInput,
  validate,
  type FormValues
} from '../../../renderer/src/features/credentials/form-model'
import {
  CreateCredentialInput,
  DEFAULT_REDIRECT_PORT,
  DEFAULT_SCOPES,
  UpdateCredentialInput,
  type Credential
} from '../../../shared/domain/credential'

const oauth = (over: Partial<FormValues> = {}): FormValues => ({
  ...initialValues(),
  name: 'Prod',
  clientId: 'C123',
  clientSecret: 's3cret',
  ...over
})

const stored: Credential = {
  id: 'cred-1',
  name: 'Prod',
  owner: 'IT',
  authType: 'oauth',
  clientId: 'C123',
  scopes: 'spark:people_read',
  redirectPort: 9000,
  baseUrl: 'https://webexapis.com/v1',
  isDemo: false,
  hasClientSecret: true,
  status: 'authorized',
  authorizedAs: null,
  accessTokenExpiresAt: null,
  refreshTokenExpiresAt: null,
  lastError: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z'
}

describe('credential form model', () => {
  it('starts a new form with the default scopes and redirect port', () => {
    const v = initialValues()
    expect(v.scopes).toBe(DEFAULT_SCOPES)
    expect(v.redirectPort).toBe(String(DEFAULT_REDIRECT_PORT))
    expect(redirectUri(v.redirectPort)).toBe(`http://127.0.0.1:${DEFAULT_REDIRECT_PORT}/callback`)
  })

  it('never pre-fills a secret when editing', () => {
    const v = initialValues(stored)
    expect(v.clientSecret).toBe('')
    expect(v.accessToken).toBe('')
    expect(v.redirectPort).toBe('9000')
  })

  it('names every wrong field in plain words', () => {
    const errors = validate(
      oauth({ name: ' ', clientId: '', clientSecret: '', scopes: 'a  b', redirectPort: '80' }),
      'create'
    )
    expect(Object.keys(errors).sort()).toEqual(
      ['clientId', 'clientSecret', 'name', 'redirectPort', 'scopes'].sort()
    )
    expect(errors.redirectPort).toBe('Use a port from 1024 to 65535.')
  })

  it('asks for the token, not the OAuth fields, for an access-token credential', () => {
    const errors = validate(oauth({ authType: 'token', clientId: '' }), 'create')
    expect(Object.keys(errors)).toEqual(['accessToken'])
  })

  it('accepts a blank secret on edit (keep the stored one) and leaves it out of the update', () => {
    const v = { ...initialValues(stored), name: 'Renamed' }
    expect(validate(v, 'edit')).toEqual({})
    const input = toUpdateInput(stored.id, v)
    expect(input).not.toHaveProperty('clientSecret')
    expect(UpdateCredentialInput.safeParse(input).success).toBe(true)
  })

  it('builds inputs the contract accepts', () => {
    const create = toCreateInput(oauth({ redirectPort: ' 8800 ' }))
    expect(create).toMatchObject({ authType: 'oauth', redirectPort: 8800, clientSecret: 's3cret' })
    expect(CreateCredentialInput.safeParse(create).success).toBe(true)
    const token = toCreateInput(oauth({ authType: 'token', accessToken: ' tok ' }))
    expect(token).toEqual({ authType: 'token', name: 'Prod', owner: '', accessToken: 'tok' })
    expect(CreateCredentialInput.safeParse(token).success).toBe(true)
  })
})
