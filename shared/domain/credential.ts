/** What the renderer may know about a credential: never a secret, only who it is and when it expires. */
import { z } from 'zod'

export const AUTH_TYPES = ['oauth', 'token'] as const
export const AuthType = z.enum(AUTH_TYPES)
export type AuthType = z.infer<typeof AuthType>

export const CREDENTIAL_STATUSES = [
  'not-authorized',
  'authorized',
  'expired',
  'reauth-required'
] as const
export const CredentialStatus = z.enum(CREDENTIAL_STATUSES)
export type CredentialStatus = z.infer<typeof CredentialStatus>

export const DEFAULT_SCOPES = [
  'spark:people_read',
  'spark-admin:people_read',
  'spark-admin:people_write',
  'spark-admin:licenses_read',
  'spark-admin:roles_read',
  'spark-admin:organizations_read'
].join(' ')
export const DEFAULT_REDIRECT_PORT = 8765
export const DEFAULT_WEBEX_BASE_URL = 'https://webexapis.com/v1'

export const AuthorizedIdentity = z.object({
  personId: z.string(),
  displayName: z.string(),
  email: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  isAdmin: z.boolean()
})
export type AuthorizedIdentity = z.infer<typeof AuthorizedIdentity>

export const CredentialId = z.string().min(1).max(64)

export const Credential = z.object({
  id: CredentialId,
  name: z.string(),
  owner: z.string(),
  authType: AuthType,
  clientId: z.string().nullable(),
  scopes: z.string(),
  redirectPort: z.number().int(),
  baseUrl: z.string(),
  isDemo: z.boolean(),
  /** Whether a client secret is stored in the keychain (the secret itself never leaves the core). */
  hasClientSecret: z.boolean(),
  status: CredentialStatus,
  authorizedAs: AuthorizedIdentity.nullable(),
  accessTokenExpiresAt: z.string().nullable(),
  refreshTokenExpiresAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Credential = z.infer<typeof Credential>

const name = z.string().trim().min(1, 'Give the credential a name').max(120)
const owner = z.string().trim().max(120)
const scopes = z
  .string()
  .trim()
  .regex(/^[\w:.-]+( [\w:.-]+)*$/, 'Scopes are separated by single spaces')
const port = z
  .number()
  .int()
  .min(1024, 'Use a port from 1024 to 65535')
  .max(65535, 'Use a port from 1024 to 65535')
const secret = z.string().trim().min(1).max(4096)
const baseUrl = z.url().max(300)

export const CreateCredentialInput = z.discriminatedUnion('authType', [
  z.object({
    authType: z.literal('oauth'),
    name,
    owner,
    clientId: z.string().trim().min(1, 'Client ID is required').max(300),
    clientSecret: secret,
    scopes: scopes.default(DEFAULT_SCOPES),
    redirectPort: port.default(DEFAULT_REDIRECT_PORT),
    baseUrl: baseUrl.optional()
  }),
  z.object({
    authType: z.literal('token'),
    name,
    owner,
    accessToken: secret,
    baseUrl: baseUrl.optional()
  })
])
export type CreateCredentialInput = z.input<typeof CreateCredentialInput>

/** Omitted fields stay as they are; a secret is replaced only when a new one is given. */
export const UpdateCredentialInput = z.object({
  id: CredentialId,
  name: name.optional(),
  owner: owner.optional(),
  clientId: z.string().trim().min(1).max(300).optional(),
  clientSecret: secret.optional(),
  scopes: scopes.optional(),
  redirectPort: port.optional(),
  accessToken: secret.optional(),
  baseUrl: baseUrl.optional()
})
export type UpdateCredentialInput = z.input<typeof UpdateCredentialInput>
