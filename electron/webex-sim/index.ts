/**
 * The Webex simulator as a library: `startWebexSim(opts)` builds the org, listens on 127.0.0.1 and
 * hands back the controls tests need (faults, recorded requests, direct org edits, token issuing).
 */
import type { AddressInfo } from 'node:net'
import { webexId } from './org/ids'
import { generateOrg, wireBool } from './org/generate'
import { mergedPerson } from './org/person-ops'
import { OrgStore } from './org/store'
import { FaultEngine } from './faults/engine'
import { createSimServer } from './http/server'
import type { RequestLog } from './http/server'
import type { SimState } from './http/types'
import { OAuthState } from './oauth/state'
import { ListingRegistry } from './routes/listing'
import { personBytes } from './routes/serialize'
import type { SimHandle, SimOptions } from './types'
import { randomUUID } from 'node:crypto'

export type * from './types'

const FOURTEEN_DAYS = 14 * 86_400
const NINETY_DAYS = 90 * 86_400

export async function startWebexSim(opts: SimOptions = {}): Promise<SimHandle> {
  const clock = opts.clock ?? Date.now
  const booleanForm = opts.booleanForm ?? 'string'
  const { people, ...data } = generateOrg({
    users: opts.users ?? 100,
    seed: opts.seed ?? 1,
    now: clock(),
    booleanForm
  })
  const store = new OrgStore(data, people)
  // Encoded now, so the first listing costs what every later one does (benchmarks compare listings).
  for (const p of people) personBytes(p)
  const approveAs = opts.approveAsEmail
    ? store.byEmailAddress(opts.approveAsEmail)
    : store.get(data.adminId)
  if (!approveAs) throw new Error(`approveAsEmail ${opts.approveAsEmail ?? ''} is not in the org`)

  const oauth = new OAuthState(clock, {
    accessSec: opts.accessTokenTtlSec ?? FOURTEEN_DAYS,
    refreshSec: opts.refreshTokenTtlSec ?? NINETY_DAYS
  })
  const token = opts.token ?? OAuthState.newAdminToken()
  const userToken = OAuthState.newUserToken()
  oauth.addStaticToken(token, data.adminId)
  oauth.addStaticToken(userToken, data.memberId)
  const clients = opts.oauthClients?.length ? opts.oauthClients : [OAuthState.defaultClient()]
  for (const c of clients) oauth.clients.set(c.clientId, c)

  const faults = new FaultEngine(clock)
  for (const f of opts.faults ?? []) faults.add(f)
  const state: SimState = {
    store,
    oauth,
    faults,
    listings: new ListingRegistry(),
    clock,
    booleanForm,
    maxPageSize: opts.maxPageSize ?? 1000,
    origin: ''
  }
  const log: RequestLog = { list: [] }
  const server = createSimServer(state, log, approveAs.id)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  state.origin = `http://127.0.0.1:${port}`
  const nowIso = (): string => new Date(clock()).toISOString()

  return {
    url: `${state.origin}/v1`,
    port,
    token,
    userToken,
    oauthClient: clients[0] ?? OAuthState.defaultClient(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
    faults: { add: (spec) => faults.add(spec), clear: () => faults.clear() },
    requests: () => log.list,
    clearRequests: () => {
      log.list = []
    },
    org: {
      count: () => store.count(),
      all: () => store.all(),
      get: (id) => store.get(id),
      create: (fields) => {
        if (fields.emails.some((e) => store.emailTaken(e))) throw new Error('email already taken')
        return store.insert({
          id: webexId('PEOPLE', randomUUID()),
          orgId: data.org.id,
          created: nowIso(),
          lastModified: nowIso(),
          status: 'pending',
          invitePending: wireBool(true, booleanForm),
          loginEnabled: wireBool(true, booleanForm),
          type: 'person',
          ...fields,
          emails: fields.emails.map((e) => e.toLowerCase())
        })
      },
      update: (id, fields) => {
        const old = store.get(id)
        if (!old) throw new Error(`no person ${id}`)
        return store.replace(mergedPerson(old, fields, nowIso()))
      },
      remove: (id) => store.remove(id)
    },
    issueTokens: (o = {}) => {
      const t = oauth.issue(approveAs.id, clients[0]?.clientId ?? '', {
        accessTtlSec: o.accessTtlSec,
        refreshTtlSec: o.refreshTtlSec
      })
      return { accessToken: t.accessToken, refreshToken: t.refreshToken }
    }
  }
}
