/**
 * OAuth 2.0 endpoints like Webex's (webex-api.md §6): GET /v1/authorize auto-approves as the configured
 * person and redirects with a code; POST /v1/access_token exchanges codes (with PKCE S256) and refresh
 * tokens. Every refresh returns a new refresh token and kills the old one: the hardest case for clients.
 */
import { createHash } from 'node:crypto'
import type { SimRequest, SimResponse } from '../http/types'
import { error, html, json, redirect } from '../http/respond'
import type { OAuthState } from './state'

function withParams(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

export function authorize(req: SimRequest, oauth: OAuthState, approveAsId: string): SimResponse {
  const q = req.query
  const client = oauth.clients.get(q.get('client_id') ?? '')
  if (!client) return html(400, 'Invalid client_id: this integration is not known.')
  const redirectUri = q.get('redirect_uri') ?? ''
  if (!URL.canParse(redirectUri)) return html(400, 'Invalid redirect_uri.')
  if (client.redirectUris && !client.redirectUris.includes(redirectUri)) {
    return html(400, 'redirect_uri does not match a URI registered for this integration.')
  }
  const state = q.get('state') ?? undefined
  const fail = (err: string) => redirect(withParams(redirectUri, { error: err, state }))
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type')
  const challenge = q.get('code_challenge') ?? undefined
  const method = q.get('code_challenge_method') ?? undefined
  if ((challenge !== undefined || method !== undefined) && (method !== 'S256' || !challenge)) {
    return fail('invalid_request')
  }
  const code = oauth.newCode({
    clientId: client.clientId,
    redirectUri,
    personId: approveAsId,
    challenge,
    scope: q.get('scope') ?? ''
  })
  return redirect(withParams(redirectUri, { code, state }))
}

type Form = URLSearchParams

function clientCredentials(req: SimRequest, form: Form): { id: string; secret: string } {
  const basic = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))
  if (basic?.[1]) {
    const [id = '', secret = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':')
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) }
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' }
}

const s256 = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url')

export function accessToken(req: SimRequest, oauth: OAuthState, trackingId: string): SimResponse {
  const type = String(req.headers['content-type'] ?? '')
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return error(415, 'Content-Type must be application/x-www-form-urlencoded', trackingId)
  }
  const form = new URLSearchParams(req.body)
  const invalidGrant = (why: string): SimResponse =>
    json(400, { error: 'invalid_grant', message: why, errors: [{ description: why }], trackingId })
  const creds = clientCredentials(req, form)
  const client = oauth.clients.get(creds.id)
  if (!client || client.clientSecret !== creds.secret) {
    return error(401, 'The client credentials are invalid.', trackingId)
  }
  const grant = form.get('grant_type')
  if (grant === 'authorization_code') {
    const codeValue = form.get('code') ?? ''
    const code = oauth.code(codeValue)
    if (!code) return invalidGrant('Unknown authorization code.')
    if (code.used) {
      oauth.revokeFromCode(codeValue)
      return invalidGrant('Authorization code already used.')
    }
    code.used = true
    if (code.expiresAt <= oauth.now()) {
      return invalidGrant('Authorization code expired.')
    }
    if (code.clientId !== client.clientId) return invalidGrant('Code issued to another client.')
    if ((form.get('redirect_uri') ?? '') !== code.redirectUri) {
      return invalidGrant('redirect_uri does not match the authorization request.')
    }
    if (code.challenge !== undefined) {
      const verifier = form.get('code_verifier') ?? ''
      if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== code.challenge) {
        return invalidGrant('code_verifier does not match the code_challenge.')
      }
    }
    return tokenBody(oauth.issue(code.personId, client.clientId, { fromCode: codeValue }))
  }
  if (grant === 'refresh_token') {
    const rec = oauth.takeRefresh(form.get('refresh_token') ?? '')
    if (!rec) return invalidGrant('Unknown or already used refresh token.')
    if (rec === 'expired') return invalidGrant('Refresh token expired.')
    if (rec.clientId !== client.clientId) return invalidGrant('Refresh token of another client.')
    return tokenBody(oauth.issue(rec.personId, client.clientId))
  }
  return json(400, {
    error: 'unsupported_grant_type',
    message: `Unsupported grant_type ${grant ?? '(none)'}`,
    errors: [{ description: 'grant_type must be authorization_code or refresh_token' }],
    trackingId
  })
}

function tokenBody(t: ReturnType<OAuthState['issue']>): SimResponse {
  return json(200, {
    access_token: t.accessToken,
    expires_in: t.accessSec,
    refresh_token: t.refreshToken,
    refresh_token_expires_in: t.refreshSec,
    token_type: 'Bearer'
  })
}
