/**
 * Applies an integration's mapping to one Webex person (the mapping studio's evaluator: standard
 * fields, paths, templates, constants, transform chains, typed custom fields), and the SaaS user
 * values of the person's Webex account. Pure.
 */
import type { Mapping } from '../../../shared/domain/mapping'
import { mapPersonValues, mapSaasCustomValues, type MapContext } from '../mapping/map-values'
import type { Person } from '../webex/schemas'
import type { PersonValues, SaasValues } from './record-values'

/** Maps one person. The Webex ID is always kept (rename-safe matching), whatever the mapping says. */
export function mapPerson(
  p: Person,
  raw: unknown,
  mapping: Mapping,
  syncTime: string,
  extra: Omit<MapContext, 'syncTime'> = {}
): PersonValues {
  return mapPersonValues(p, raw, mapping, { ...extra, syncTime })
}

/**
 * Webex account values for the SaaS user record (role and licence ids resolved to names), plus the
 * custom SaaS user fields the mapping fills (`saas.custom.<key>`).
 */
export function mapSaasUser(
  p: Person,
  names: { roles: ReadonlyMap<string, string>; licenses: ReadonlyMap<string, string> },
  custom: { raw: unknown; mapping: Mapping; ctx: MapContext } | null = null
): SaasValues {
  return {
    webexId: p.id,
    email: p.emails?.[0]?.toLowerCase() ?? null,
    displayName: p.displayName ?? null,
    roles: (p.roles ?? []).map((id) => names.roles.get(id) ?? id),
    status: p.status ?? null,
    lastActivity: p.lastActivity ?? null,
    licenses: (p.licenses ?? []).map((id) => names.licenses.get(id) ?? id),
    invitePending: p.invitePending ?? null,
    loginEnabled: p.loginEnabled ?? null,
    type: p.type ?? null,
    custom: custom ? mapSaasCustomValues(p, custom.raw, custom.mapping, custom.ctx) : {}
  }
}
