/**
 * The values a sync writes into a person record and a SaaS user record, in a fixed key order so that
 * their hash is stable. `syncTime` is not part of the hash: it changes only when something else did.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'

export type Scalar = string | number | boolean | null

export type PersonValues = {
  username: string | null
  email: string | null
  displayName: string | null
  firstName: string | null
  lastName: string | null
  role: string | null
  webexId: string | null
  webexOrgId: string | null
  webexStatus: string | null
  webexType: string | null
  webexCreated: string | null
  webexLastModified: string | null
  invitePending: boolean | null
  custom: Record<string, Scalar>
}

export const PERSON_VALUE_KEYS = [
  'username',
  'email',
  'displayName',
  'firstName',
  'lastName',
  'role',
  'webexId',
  'webexOrgId',
  'webexStatus',
  'webexType',
  'webexCreated',
  'webexLastModified',
  'invitePending'
] as const satisfies readonly (keyof PersonValues)[]

export type SaasValues = {
  webexId: string
  email: string | null
  displayName: string | null
  roles: string[]
  status: string | null
  lastActivity: string | null
  licenses: string[]
  invitePending: boolean | null
  loginEnabled: boolean | null
  type: string | null
  /** Custom SaaS user field values by field key (`saas.custom.<key>` targets), like PersonValues. */
  custom: Record<string, Scalar>
}

export const SAAS_VALUE_KEYS = [
  'email',
  'displayName',
  'roles',
  'status',
  'lastActivity',
  'licenses',
  'invitePending',
  'loginEnabled',
  'type'
] as const satisfies readonly (keyof SaasValues)[]

export const emptyPersonValues = (): PersonValues => ({
  username: null,
  email: null,
  displayName: null,
  firstName: null,
  lastName: null,
  role: null,
  webexId: null,
  webexOrgId: null,
  webexStatus: null,
  webexType: null,
  webexCreated: null,
  webexLastModified: null,
  invitePending: null,
  custom: {}
})

const sortedCustom = (c: Record<string, Scalar>) =>
  Object.keys(c)
    .sort()
    .map((k) => [k, c[k]])

export const hashText: (text: string) => string =
  typeof oneShotHash === 'function'
    ? // One call instead of three, and no Hash object per record (Node ≥ 20.12).
      (text) => oneShotHash('sha1', text, 'base64url')
    : (text) => createHash('sha1').update(text).digest('base64url')

export function hashPersonValues(v: PersonValues): string {
  return hashText(JSON.stringify([PERSON_VALUE_KEYS.map((k) => v[k]), sortedCustom(v.custom)]))
}

/**
 * Custom values join the hashed array only when there are some: a record without custom values keeps
 * the hash it had before SaaS user custom fields existed, so an upgrade does not rewrite every row.
 */
export function hashSaasValues(v: SaasValues): string {
  const base: unknown[] = [v.webexId, SAAS_VALUE_KEYS.map((k) => v[k])]
  if (Object.keys(v.custom).length > 0) base.push(sortedCustom(v.custom))
  return hashText(JSON.stringify(base))
}

/** Text form of a value for history and diffs (null stays null). */
export function valueText(v: unknown): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}
