/**
 * Licences, roles and organizations (webex-api.md §3). Licence consumption is counted from the people
 * who hold each licence now, so it stays consistent as people are created, changed or deleted.
 */
import type { PersonWire } from '../../core/webex/schemas'
import type { SimLicense } from '../org/generate'
import { error, json } from '../http/respond'
import type { RouteContext, SimResponse } from '../http/types'

const adminOnly = (ctx: RouteContext): SimResponse | null =>
  ctx.caller.isAdmin ? null : error(403, 'This API requires an administrator.', ctx.trackingId)

function wrongOrg(ctx: RouteContext): SimResponse | null {
  const orgId = ctx.req.query.get('orgId')
  return orgId && orgId !== ctx.state.store.data.org.id
    ? error(403, 'Not authorized to access this organization.', ctx.trackingId)
    : null
}

function holders(people: readonly PersonWire[], licenseId: string): PersonWire[] {
  return people.filter((p) => p.licenses?.includes(licenseId))
}

function licenseView(l: SimLicense, users: number) {
  const consumed = users + l.workspaces
  return {
    id: l.id,
    name: l.name,
    // Headroom of about 10% (at least 5 units) over what is used, like a real subscription.
    totalUnits: consumed + Math.max(5, Math.ceil(consumed * 0.1)),
    consumedUnits: consumed,
    consumedByUsers: users,
    consumedByWorkspaces: l.workspaces,
    subscriptionId: `Sub-roster-sim-${l.code.toLowerCase()}`,
    ...(l.siteUrl ? { siteUrl: l.siteUrl, siteType: 'Control Hub managed site' } : {})
  }
}

export function listLicenses(ctx: RouteContext): SimResponse {
  const refused = adminOnly(ctx) ?? wrongOrg(ctx)
  if (refused) return refused
  const counts = new Map<string, number>()
  for (const p of ctx.state.store.all()) {
    for (const id of p.licenses ?? []) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  const items = ctx.state.store.data.licenses.map((l) => licenseView(l, counts.get(l.id) ?? 0))
  return json(200, { items })
}

export function getLicense(ctx: RouteContext, id: string): SimResponse {
  const refused = adminOnly(ctx)
  if (refused) return refused
  const l = ctx.state.store.data.licenses.find((x) => x.id === id)
  if (!l) return error(404, 'License not found.', ctx.trackingId)
  const people = holders(ctx.state.store.all(), l.id)
  const view = licenseView(l, people.length)
  if (ctx.req.query.get('includeAssignedTo') !== 'user') return json(200, view)
  const limit = Math.min(300, Math.max(1, Number(ctx.req.query.get('limit') ?? '300') || 300))
  const offset = Math.max(0, Number(ctx.req.query.get('next') ?? '0') || 0)
  const users = people.slice(offset, offset + limit).map((p) => ({
    id: p.id,
    type: 'INTERNAL',
    displayName: p.displayName ?? '',
    email: p.emails?.[0] ?? ''
  }))
  const headers: Record<string, string> = {}
  if (offset + limit < people.length) {
    const next = new URLSearchParams(ctx.req.query)
    next.set('next', String(offset + limit))
    headers.link = `<${ctx.state.origin}/v1/licenses/${id}?${next.toString()}>; rel="next"`
  }
  return json(200, { ...view, users }, headers)
}

export function listRoles(ctx: RouteContext): SimResponse {
  const refused = adminOnly(ctx)
  if (refused) return refused
  return json(200, { items: ctx.state.store.data.roles.map((r) => ({ id: r.id, name: r.name })) })
}

export function getRole(ctx: RouteContext, id: string): SimResponse {
  const refused = adminOnly(ctx)
  if (refused) return refused
  const r = ctx.state.store.data.roles.find((x) => x.id === id)
  return r ? json(200, { id: r.id, name: r.name }) : error(404, 'Role not found.', ctx.trackingId)
}

export function listOrganizations(ctx: RouteContext): SimResponse {
  return json(200, { items: [ctx.state.store.data.org] })
}

export function getOrganization(ctx: RouteContext, id: string): SimResponse {
  const org = ctx.state.store.data.org
  return id === org.id ? json(200, org) : error(404, 'Organization not found.', ctx.trackingId)
}
