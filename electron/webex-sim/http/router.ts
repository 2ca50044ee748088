/**
 * Maps a request to its handler. Order matters and mirrors a real gateway: OAuth endpoints first
 * (never faulted, no bearer token), then token checks, scripted faults, and finally the API routes.
 */
import { accessToken, authorize } from '../oauth/routes'
import * as catalog from '../routes/catalog'
import * as item from '../routes/people-item'
import { listPeople } from '../routes/people-list'
import { error } from './respond'
import type { Caller, RouteContext, SimRequest, SimResponse, SimState } from './types'

type Handler = (ctx: RouteContext, param: string) => SimResponse
type Route = { pattern: RegExp; methods: Partial<Record<string, Handler>> }

const ID = '([^/]+)'
const ROUTES: Route[] = [
  { pattern: /^\/v1\/people$/, methods: { GET: listPeople, POST: item.createPerson } },
  { pattern: /^\/v1\/people\/me$/, methods: { GET: item.getMe } },
  {
    pattern: new RegExp(`^/v1/people/${ID}$`),
    methods: { GET: item.getPerson, PUT: item.updatePerson, DELETE: item.deletePerson }
  },
  { pattern: /^\/v1\/licenses$/, methods: { GET: catalog.listLicenses } },
  { pattern: new RegExp(`^/v1/licenses/${ID}$`), methods: { GET: catalog.getLicense } },
  { pattern: /^\/v1\/roles$/, methods: { GET: catalog.listRoles } },
  { pattern: new RegExp(`^/v1/roles/${ID}$`), methods: { GET: catalog.getRole } },
  { pattern: /^\/v1\/organizations$/, methods: { GET: catalog.listOrganizations } },
  { pattern: new RegExp(`^/v1/organizations/${ID}$`), methods: { GET: catalog.getOrganization } }
]

export const isOAuthPath = (path: string): boolean =>
  path === '/v1/authorize' || path === '/v1/access_token'

export function callerFor(state: SimState, personId: string): Caller {
  const roles = state.store.get(personId)?.roles ?? []
  const held = state.store.data.roles.filter((r) => roles.includes(r.id))
  return { personId, isAdmin: held.length > 0, canWrite: held.some((r) => r.canWrite) }
}

export function route(
  req: SimRequest,
  state: SimState,
  trackingId: string,
  approveAsId: string
): SimResponse {
  if (req.method === 'GET' && req.path === '/v1/authorize') {
    return authorize(req, state.oauth, approveAsId)
  }
  if (req.method === 'POST' && req.path === '/v1/access_token') {
    return accessToken(req, state.oauth, trackingId)
  }
  if (isOAuthPath(req.path)) return error(405, 'Method not allowed.', trackingId)

  if (state.faults.shouldExpireTokens(req.seq)) state.oauth.expireAllCurrent()
  const check = state.oauth.check(req.token)
  // A token whose person was deleted is as dead as an expired one.
  if (!check.ok || !state.store.get(check.personId)) {
    const why = !check.ok && check.reason === 'expired' ? 'The access token has expired.' : ''
    return error(401, why || 'The request requires a valid access token.', trackingId)
  }
  const faulted = state.faults.intercept(req, trackingId)
  if (faulted) return faulted

  for (const r of ROUTES) {
    const m = r.pattern.exec(req.path)
    if (!m) continue
    const handler = r.methods[req.method]
    if (!handler) {
      return error(405, `Method ${req.method} is not allowed here.`, trackingId, {
        allow: Object.keys(r.methods).join(', ')
      })
    }
    const ctx: RouteContext = { req, state, trackingId, caller: callerFor(state, check.personId) }
    const param = safeDecode(m[1] ?? '')
    if (param === null) return error(404, 'The requested resource could not be found.', trackingId)
    return handler(ctx, param)
  }
  return error(404, 'The requested resource could not be found.', trackingId)
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}
