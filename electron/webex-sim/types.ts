/**
 * Public surface of the Webex simulator: what tests, benchmarks, the CLI and demo mode rely on.
 * Keep this file stable; the implementation behind it may change.
 */
import type { PersonWire } from '../core/webex/schemas'

/** Faults a test or the command line can script. Request numbers count from 1 over all requests. */
export type FaultSpec =
  /** 429 with Retry-After: on every Nth request, or for every request in a time window from now. */
  | {
      kind: 'rate-limit'
      retryAfterSec: number
      everyNth?: number
      forMs?: number
      status?: 429 | 423
    }
  /** A burst of `count` consecutive 5xx answers starting at request `startAt` (default: next request). */
  | { kind: 'server-error'; status: 500 | 502 | 503 | 504; count: number; startAt?: number }
  /** 504 whenever GET /people asks for `max` above the threshold. */
  | { kind: 'timeout-above-max'; maxAbove: number }
  /** Headers and half the body are sent, then the socket is destroyed. */
  | { kind: 'reset-mid-body'; onRequest?: number; everyNth?: number; count?: number }
  /** Every response is delayed. */
  | { kind: 'slow'; delayMs: number }
  /** 401 for every request from request N on (the token "expires"). */
  | { kind: 'unauthorized-from'; request: number }
  /** The next link of page `onPage` (1-based) points back to page `toPage` (a loop). */
  | { kind: 'next-loop'; onPage: number; toPage: number }
  /** Page `onPage` is served twice (its next link points to itself once). */
  | { kind: 'repeat-page'; onPage: number }
  /** The next link of page `onPage` points to another origin. */
  | { kind: 'foreign-next'; onPage: number; origin: string }
  /** The listing silently omits people: a share (0..1) of them, or everyone with share 1. */
  | { kind: 'short-listing'; share: number }
  /** Page `onPage` is malformed. */
  | { kind: 'malformed-page'; onPage: number; variant: 'invalid-json' | 'no-items' | 'wrong-types' }

export type RecordedRequest = {
  seq: number
  method: string
  /** Path and query, as received. */
  url: string
  at: number
  /** Bearer token presented (for auth assertions in tests only). */
  token: string | null
  status: number
}

export type OAuthClient = {
  clientId: string
  clientSecret: string
  /** Exact redirect URIs /authorize accepts; any URI when absent. */
  redirectUris?: string[]
}

export type SimOptions = {
  users?: number
  seed?: number
  port?: number
  /** Admin access token accepted for the API (generated when absent). */
  token?: string
  /** Lifetime of tokens issued by /access_token. */
  accessTokenTtlSec?: number
  refreshTokenTtlSec?: number
  /** OAuth integrations the simulator knows. A default one is created when absent. */
  oauthClients?: OAuthClient[]
  /** Email of the org member /authorize approves as (default: the org's built-in full admin). */
  approveAsEmail?: string
  /** Largest page the server returns whatever `max` asks (UNCONFIRMED upstream; default 1000). */
  maxPageSize?: number
  /** Wire form of invitePending/loginEnabled: the spec's strings (default) or booleans. */
  booleanForm?: 'string' | 'boolean'
  faults?: FaultSpec[]
  /** Time source (ms since epoch) for dates, token and code expiry. Tests can move time forward. */
  clock?: () => number
}

export type SimHandle = {
  /** Base URL, e.g. http://127.0.0.1:8787/v1 */
  url: string
  port: number
  /** Admin access token accepted by the API. */
  token: string
  /** A valid token of a non-admin member (DELETE answers 403 with it). */
  userToken: string
  oauthClient: OAuthClient
  stop(): Promise<void>
  faults: {
    add(spec: FaultSpec): void
    clear(): void
  }
  /** Every request received, in order. */
  requests(): readonly RecordedRequest[]
  clearRequests(): void
  /** Direct edits of the org, as if an admin changed Webex elsewhere. */
  org: {
    count(): number
    all(): readonly PersonWire[]
    get(id: string): PersonWire | undefined
    create(fields: Partial<PersonWire> & { emails: string[] }): PersonWire
    update(id: string, fields: Partial<PersonWire>): PersonWire
    remove(id: string): boolean
  }
  /** Issue a token pair directly (for tests of expiry and refresh). */
  issueTokens(opts?: { accessTtlSec?: number; refreshTtlSec?: number }): {
    accessToken: string
    refreshToken: string
  }
}
