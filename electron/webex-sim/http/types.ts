/** What route handlers see and return: plain data, so faults can rewrite a response before it is sent. */
import type { OrgStore } from '../org/store'
import type { BooleanForm } from '../org/generate'
import type { FaultEngine } from '../faults/engine'
import type { OAuthState } from '../oauth/state'
import type { ListingRegistry } from '../routes/listing'

export type SimRequest = {
  seq: number
  method: string
  /** Path without the query, e.g. /v1/people/abc */
  path: string
  /** Path and query, as received. */
  url: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: string
  token: string | null
}

export type SimResponse = {
  status: number
  headers: Record<string, string>
  /** Text, or bytes already encoded as UTF-8. */
  body?: string | Buffer
  /** Set by faults: send headers and half the body, then destroy the socket. */
  resetMidBody?: boolean
}

/** The person a token acts as, and what that person may do. */
export type Caller = { personId: string; isAdmin: boolean; canWrite: boolean }

export type SimState = {
  store: OrgStore
  oauth: OAuthState
  faults: FaultEngine
  listings: ListingRegistry
  clock: () => number
  booleanForm: BooleanForm
  maxPageSize: number
  /** http://127.0.0.1:<port> (filled in once listening). */
  origin: string
}

export type RouteContext = {
  req: SimRequest
  state: SimState
  trackingId: string
  caller: Caller
}
