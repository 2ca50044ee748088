/**
 * Every credential the simulator knows: the fixed admin and member tokens, OAuth clients, pending
 * authorization codes and issued token pairs. Issued values are distinctive (SIMACCESS_, SIMREFRESH_,
 * SIMCODE_ + hex) so tests can grep logs and files for leaks.
 */
import { randomBytes } from 'node:crypto'
import type { OAuthClient } from '../types'

export type ClientRecord = OAuthClient
type AccessRecord = { personId: string; expiresAt: number; issueNo: number; fromCode?: string }
type RefreshRecord = { personId: string; clientId: string; expiresAt: number; fromCode?: string }
export type CodeRecord = {
  clientId: string
  redirectUri: string
  personId: string
  challenge?: string
  expiresAt: number
  used: boolean
  scope: string
}

export type TokenCheck =
  { ok: true; personId: string } | { ok: false; reason: 'unknown' | 'expired' }

const hex = (bytes: number): string => randomBytes(bytes).toString('hex')

export class OAuthState {
  readonly clients = new Map<string, ClientRecord>()
  private readonly access = new Map<string, AccessRecord>()
  private readonly refresh = new Map<string, RefreshRecord>()
  private readonly codes = new Map<string, CodeRecord>()
  private issued = 0
  /** Tokens with an issue number below this answer 401 (the "token expired" fault). */
  private revokeBelow = 0

  constructor(
    private readonly clock: () => number,
    readonly ttl: { accessSec: number; refreshSec: number }
  ) {}

  now(): number {
    return this.clock()
  }

  addStaticToken(token: string, personId: string): void {
    this.access.set(token, { personId, expiresAt: Infinity, issueNo: this.issued++ })
  }

  check(token: string | null): TokenCheck {
    const rec = token ? this.access.get(token) : undefined
    if (!rec) return { ok: false, reason: 'unknown' }
    if (rec.issueNo < this.revokeBelow || rec.expiresAt <= this.clock()) {
      return { ok: false, reason: 'expired' }
    }
    return { ok: true, personId: rec.personId }
  }

  /** Every token issued so far stops working; tokens issued from now on work. */
  expireAllCurrent(): void {
    this.revokeBelow = this.issued
  }

  newCode(rec: Omit<CodeRecord, 'used' | 'expiresAt'>): string {
    const code = `SIMCODE_${hex(16)}`
    this.codes.set(code, { ...rec, used: false, expiresAt: this.clock() + 60_000 })
    return code
  }

  code(code: string): CodeRecord | undefined {
    return this.codes.get(code)
  }

  issue(
    personId: string,
    clientId: string,
    opts: { accessTtlSec?: number; refreshTtlSec?: number; fromCode?: string } = {}
  ) {
    const now = this.clock()
    const accessSec = opts.accessTtlSec ?? this.ttl.accessSec
    const refreshSec = opts.refreshTtlSec ?? this.ttl.refreshSec
    const accessToken = `SIMACCESS_${hex(24)}`
    const refreshToken = `SIMREFRESH_${hex(24)}`
    const fromCode = opts.fromCode
    this.access.set(accessToken, {
      personId,
      expiresAt: now + accessSec * 1000,
      issueNo: this.issued++,
      fromCode
    })
    this.refresh.set(refreshToken, {
      personId,
      clientId,
      expiresAt: now + refreshSec * 1000,
      fromCode
    })
    return { accessToken, refreshToken, accessSec, refreshSec }
  }

  /** Single use: the refresh token is consumed whether or not the caller gets the new pair. */
  takeRefresh(token: string): RefreshRecord | 'expired' | undefined {
    const rec = this.refresh.get(token)
    if (!rec) return undefined
    this.refresh.delete(token)
    return rec.expiresAt <= this.clock() ? 'expired' : rec
  }

  /** A replayed code revokes what it issued (RFC 6749 §4.1.2). */
  revokeFromCode(code: string): void {
    for (const [k, v] of this.access) if (v.fromCode === code) this.access.delete(k)
    for (const [k, v] of this.refresh) if (v.fromCode === code) this.refresh.delete(k)
  }

  static newAdminToken(): string {
    return `SIMADMIN_${hex(24)}`
  }

  static newUserToken(): string {
    return `SIMUSER_${hex(24)}`
  }

  static defaultClient(): ClientRecord {
    return { clientId: `Csim${hex(16)}`, clientSecret: `SIMSECRET_${hex(24)}` }
  }
}
