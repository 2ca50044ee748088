/**
 * Credentials: list, create, edit, delete, authenticate (OAuth in the system browser) and verify.
 * Secrets go to the keychain through the vault; SQLite holds who a credential is and when its tokens
 * expire. What leaves this module is the contract's Credential, which holds no secret.
 */
import { randomUUID } from 'node:crypto'
import {
  DEFAULT_WEBEX_BASE_URL,
  type Credential,
  type CreateCredentialInput,
  type UpdateCredentialInput
} from '../../../shared/domain/credential'
import type { z } from 'zod'
import { AppError } from '../errors'
import type { Logger } from '../log/logger'
import type { CredentialRecord, CredentialsRepo } from '../store/repositories/credentials-repo'
import type { AuditRepo } from '../store/repositories/audit-repo'
import type { WebexClient } from '../webex/client'
import type { TokenProvider } from '../webex/auth'
import type { CredentialVault } from './credential-vault'
import { readIdentity } from './identity'
import type { LoopbackListener } from './loopback-listener'
import { runOAuthFlow } from './oauth-flow'
import { createTokenSessions } from './token-session'
import { createRefreshTimers } from './refresh-timers'

type ParsedCreate = z.output<typeof CreateCredentialInput>
type ParsedUpdate = z.output<typeof UpdateCredentialInput>

export type CredentialsServiceDeps = {
  repo: CredentialsRepo
  audit: AuditRepo
  vault: CredentialVault
  logger: Logger
  now: () => Date
  openExternal: (url: string) => Promise<void>
  makeClient: (baseUrl: string, tokens: TokenProvider) => WebexClient
  /** WEBEX_BASE_URL for new credentials; the real Webex when absent. */
  defaultBaseUrl?: string
  onChange: (credentials: Credential[]) => void
}

export function createCredentialsService(deps: CredentialsServiceDeps) {
  const pendingAuth = new Map<string, LoopbackListener>()
  const notify = () => {
    void list().then(deps.onChange, (e: unknown) =>
      deps.logger.warn('credentials.notify-failed', { error: e })
    )
  }
  const sessions = createTokenSessions({ ...deps, onChange: notify })
  const timers = createRefreshTimers({
    now: deps.now,
    logger: deps.logger,
    marginFor: (id) => sessions.marginFor(id),
    refresh: async (id) => {
      await sessions.refresh(id)
      const renewed = deps.repo.get(id)
      if (renewed) timers.schedule(renewed)
    }
  })

  const mustGet = (id: string): CredentialRecord => {
    const cred = deps.repo.get(id)
    if (!cred) throw new AppError('NOT_FOUND', 'That credential no longer exists.')
    return cred
  }

  async function toDto(c: CredentialRecord): Promise<Credential> {
    const hasClientSecret =
      c.authType === 'oauth' && (await deps.vault.clientSecret(c.id).catch(() => null)) !== null
    const expired =
      c.status === 'authorized' &&
      c.authType === 'token' &&
      c.accessTokenExpiresAt !== null &&
      Date.parse(c.accessTokenExpiresAt) <= deps.now().getTime()
    return { ...c, hasClientSecret, status: expired ? 'expired' : c.status }
  }

  async function list(): Promise<Credential[]> {
    return Promise.all(deps.repo.list().map(toDto))
  }

  function clientFor(id: string): WebexClient {
    const cred = mustGet(id)
    return deps.makeClient(cred.baseUrl, sessions.providerFor(id))
  }

  /** Ask Webex who the token is and record it; failures are recorded, not thrown, unless asked. */
  async function verify(id: string, opts: { throwOnError: boolean }): Promise<Credential> {
    const client = clientFor(id)
    try {
      const identity = await readIdentity(client)
      const updated = deps.repo.update(id, {
        authorizedAs: identity,
        status: 'authorized',
        lastError: null
      })
      if (updated) timers.schedule(updated)
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'Webex could not be reached.'
      const reauth = e instanceof AppError && e.code === 'REAUTH_REQUIRED'
      deps.repo.update(id, {
        lastError: message,
        ...(reauth ? { status: 'reauth-required' as const } : {})
      })
      deps.logger.warn('credential.verify-failed', { credentialId: id, error: e })
      if (opts.throwOnError) throw e
    } finally {
      client.close()
      notify()
    }
    return toDto(mustGet(id))
  }

  async function create(
    input: ParsedCreate,
    extra: { isDemo?: boolean } = {}
  ): Promise<Credential> {
    if (deps.repo.getByName(input.name))
      throw new AppError('CONFLICT', `A credential named "${input.name}" already exists.`)
    const now = deps.now().toISOString()
    const id = randomUUID()
    const record: CredentialRecord = {
      id,
      name: input.name,
      owner: input.owner,
      authType: input.authType,
      clientId: input.authType === 'oauth' ? input.clientId : null,
      scopes: input.authType === 'oauth' ? input.scopes : '',
      redirectPort: input.authType === 'oauth' ? input.redirectPort : 0,
      baseUrl: input.baseUrl ?? deps.defaultBaseUrl ?? DEFAULT_WEBEX_BASE_URL,
      isDemo: extra.isDemo ?? false,
      status: 'not-authorized',
      authorizedAs: null,
      accessTokenExpiresAt: null,
      refreshTokenExpiresAt: null,
      lastError: null,
      createdAt: now,
      updatedAt: now
    }
    if (record.isDemo) deps.vault.keepInMemory(id)
    // Secrets first: if the keychain refuses, nothing is half-created.
    if (input.authType === 'oauth') await deps.vault.setClientSecret(id, input.clientSecret)
    else await deps.vault.saveTokens(id, { accessToken: input.accessToken, refreshToken: null })
    try {
      deps.repo.insert(record)
    } catch (e) {
      await deps.vault.removeAll(id).catch(() => undefined)
      throw e
    }
    deps.audit.append({
      actor: 'admin',
      action: 'credential.created',
      subject: id,
      detail: input.name
    })
    if (input.authType === 'token') return verify(id, { throwOnError: false })
    notify()
    return toDto(mustGet(id))
  }

  async function update(input: ParsedUpdate): Promise<Credential> {
    const cred = mustGet(input.id)
    if (
      input.name &&
      input.name.toLowerCase() !== cred.name.toLowerCase() &&
      deps.repo.getByName(input.name)
    )
      throw new AppError('CONFLICT', `A credential named "${input.name}" already exists.`)
    if (input.clientSecret !== undefined)
      await deps.vault.setClientSecret(cred.id, input.clientSecret)
    const retarget =
      (input.baseUrl !== undefined && input.baseUrl !== cred.baseUrl) ||
      (input.clientId !== undefined && input.clientId !== cred.clientId)
    if (retarget) await deps.vault.clearTokens(cred.id)
    if (input.accessToken !== undefined)
      await deps.vault.saveTokens(cred.id, { accessToken: input.accessToken, refreshToken: null })
    deps.repo.update(cred.id, {
      name: input.name,
      owner: input.owner,
      clientId: cred.authType === 'oauth' ? input.clientId : undefined,
      scopes: cred.authType === 'oauth' ? input.scopes : undefined,
      redirectPort: cred.authType === 'oauth' ? input.redirectPort : undefined,
      baseUrl: input.baseUrl,
      ...(retarget
        ? { status: 'not-authorized' as const, authorizedAs: null, accessTokenExpiresAt: null }
        : {})
    })
    deps.audit.append({
      actor: 'admin',
      action: 'credential.updated',
      subject: cred.id,
      detail: null
    })
    if (input.accessToken !== undefined) return verify(cred.id, { throwOnError: false })
    notify()
    return toDto(mustGet(cred.id))
  }

  async function remove(id: string): Promise<{ deleted: true }> {
    const cred = mustGet(id)
    pendingAuth.get(id)?.cancel()
    timers.cancel(id)
    await deps.vault.removeAll(id)
    deps.repo.remove(id)
    deps.audit.append({
      actor: 'admin',
      action: 'credential.deleted',
      subject: id,
      detail: cred.name
    })
    notify()
    return { deleted: true }
  }

  async function authenticate(id: string): Promise<Credential> {
    const cred = mustGet(id)
    if (cred.authType !== 'oauth' || !cred.clientId)
      throw new AppError(
        'BAD_REQUEST',
        'Only OAuth 2.0 integrations are authenticated in the browser.'
      )
    if (pendingAuth.has(id))
      throw new AppError('CONFLICT', 'A sign-in for this credential is already waiting.')
    const clientSecret = await deps.vault.clientSecret(id)
    if (!clientSecret)
      throw new AppError(
        'BAD_REQUEST',
        'This credential has no client secret. Edit it and enter the secret.'
      )
    const previousRefresh = await deps.vault.refreshToken(id)
    try {
      const tokens = await runOAuthFlow({
        baseUrl: cred.baseUrl,
        clientId: cred.clientId,
        clientSecret,
        scopes: cred.scopes,
        redirectPort: cred.redirectPort,
        openExternal: deps.openExternal,
        onListening: (l) => pendingAuth.set(id, l)
      })
      await sessions.save(id, tokens, previousRefresh)
      deps.audit.append({
        actor: 'admin',
        action: 'credential.authorized',
        subject: id,
        detail: null
      })
    } catch (e) {
      const message = e instanceof AppError ? e.message : 'The Webex sign-in failed.'
      deps.repo.update(id, { lastError: message })
      deps.logger.warn('credential.authenticate-failed', { credentialId: id, error: e })
      notify()
      throw e
    } finally {
      pendingAuth.delete(id)
    }
    return verify(id, { throwOnError: true })
  }

  function cancelAuthentication(id: string): { cancelled: boolean } {
    const l = pendingAuth.get(id)
    l?.cancel()
    return { cancelled: l !== undefined }
  }

  /** After a restart: keep every authorized OAuth credential's token fresh. */
  function start(): void {
    for (const c of deps.repo.list()) if (c.status === 'authorized') timers.schedule(c)
  }

  function stop(): void {
    for (const l of pendingAuth.values()) l.cancel('Roster is closing.')
    timers.cancelAll()
  }

  return {
    list,
    get: async (id: string) => toDto(mustGet(id)),
    create: (input: ParsedCreate, extra?: { isDemo?: boolean }) => create(input, extra),
    update,
    remove,
    authenticate,
    cancelAuthentication,
    verify: (id: string) => verify(id, { throwOnError: true }),
    clientFor,
    tokenProvider: (id: string) => sessions.providerFor(id),
    start,
    stop
  }
}
export type CredentialsService = ReturnType<typeof createCredentialsService>
