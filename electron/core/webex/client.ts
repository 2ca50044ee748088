/**
 * The typed Webex client: one object per credential, sharing one token manager, one rate gate and one
 * keep-alive connection pool across all its calls.
 */
import type { z } from 'zod'
import { silentLogger, type Logger } from '../log/logger'
import { TokenManager, type TokenProvider } from './auth'
import { createHttpClient, parseBody, type HttpClient } from './http'
import {
  listPeople,
  type ListPeopleOptions,
  type PeopleListing,
  type PeopleQuery
} from './list-people'
import { checkBaseUrl } from './origin'
import {
  createPerson,
  deletePerson,
  getPersonOrNull,
  updatePerson,
  type CreatePersonResult,
  type DeletePersonResult,
  type PersonChanges,
  type UpdatePersonResult
} from './people-writes'
import { RateGate, realClock, type Clock } from './rate-gate'
import { resolvePolicy, type RetryPolicy } from './retry-policy'
import {
  License,
  LicenseList,
  Organization,
  OrganizationList,
  Person,
  Role,
  RoleList,
  type CreatePersonBody
} from './schemas'
import { createNodeTransport, type Transport } from './transport'

export type WebexClientOptions = {
  /** e.g. https://webexapis.com/v1 or the simulator's http://127.0.0.1:PORT/v1 */
  baseUrl: string
  tokens: TokenProvider
  logger?: Logger
  retry?: Partial<RetryPolicy>
  clock?: Clock
  /** Jitter source, injectable so tests can pin delays. */
  random?: () => number
  userAgent?: string
  /** Replaces the node:http transport (tests). */
  transport?: Transport
}

export type WebexClient = {
  readonly baseUrl: string
  listPeople(query?: PeopleQuery, opts?: ListPeopleOptions): PeopleListing
  getPerson(id: string, opts?: { callingData?: boolean }): Promise<Person>
  /** Like getPerson, but a 404 answers null. */
  findPerson(id: string): Promise<Person | null>
  getMe(): Promise<Person>
  createPerson(
    body: CreatePersonBody,
    opts?: { callingData?: boolean }
  ): Promise<CreatePersonResult>
  updatePerson(id: string, changes: PersonChanges): Promise<UpdatePersonResult>
  deletePerson(id: string): Promise<DeletePersonResult>
  listLicenses(opts?: { orgId?: string }): Promise<License[]>
  getLicense(id: string): Promise<License>
  listRoles(): Promise<Role[]>
  getRole(id: string): Promise<Role>
  listOrganizations(): Promise<Organization[]>
  getOrganization(id: string): Promise<Organization>
  /** Time before which no request leaves (a Retry-After in force), or 0. */
  readonly throttledUntil: number
  close(): void
}

export function createWebexClient(opts: WebexClientOptions): WebexClient {
  const { baseUrl, origin } = checkBaseUrl(opts.baseUrl)
  const policy = resolvePolicy(opts.retry)
  const clock = opts.clock ?? realClock
  const logger = (opts.logger ?? silentLogger).child({ component: 'webex' })
  const gate = new RateGate(clock)
  const nodeTransport = opts.transport ? null : createNodeTransport()
  const transport = opts.transport ?? (nodeTransport as Transport)
  const http: HttpClient = createHttpClient({
    origin,
    transport,
    tokens: new TokenManager(opts.tokens),
    gate,
    clock,
    policy,
    logger,
    userAgent: opts.userAgent ?? 'Roster/0.1',
    random: opts.random ?? Math.random
  })
  const writeCtx = { http, baseUrl }

  const url = (path: string, query?: Record<string, string | undefined>) => {
    const u = new URL(`${baseUrl}${path}`)
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, v)
    return u.href
  }
  const seg = encodeURIComponent
  const get = async <S extends z.ZodType>(schema: S, u: string): Promise<z.output<S>> =>
    parseBody(schema, await http.send({ method: 'GET', url: u, idempotent: true }))

  return {
    baseUrl,
    listPeople: (query = {}, listOpts = {}) =>
      listPeople(
        { http, baseUrl, origin, minPageSize: policy.minPageSize, logger },
        query,
        listOpts
      ),
    getPerson: (id, o = {}) =>
      get(Person, url(`/people/${seg(id)}`, { callingData: o.callingData ? 'true' : undefined })),
    findPerson: (id) => getPersonOrNull(writeCtx, id),
    getMe: () => get(Person, url('/people/me')),
    createPerson: (body, o) => createPerson(writeCtx, body, o),
    updatePerson: (id, changes) => updatePerson(writeCtx, id, changes),
    deletePerson: (id) => deletePerson(writeCtx, id),
    listLicenses: async (o = {}) => (await get(LicenseList, url('/licenses', o))).items,
    getLicense: (id) => get(License, url(`/licenses/${seg(id)}`)),
    listRoles: async () => (await get(RoleList, url('/roles'))).items,
    getRole: (id) => get(Role, url(`/roles/${seg(id)}`)),
    listOrganizations: async () => (await get(OrganizationList, url('/organizations'))).items,
    getOrganization: (id) => get(Organization, url(`/organizations/${seg(id)}`)),
    get throttledUntil() {
      return gate.openAt > clock.now() ? gate.openAt : 0
    },
    close: () => nodeTransport?.close()
  }
}
