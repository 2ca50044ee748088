/**
 * Applies an integration's mapping to one Webex person, with the mapping studio's sources (standard
 * fields, paths, templates, constants), transform chains and typed custom fields. The sync engine's
 * map-person delegates here, so a sync, a preview and the impact preview map people identically. Pure.
 */
import type { CustomFieldType } from '../../../shared/domain/custom-field'
import type { Mapping } from '../../../shared/domain/mapping'
import { emptyPersonValues, type PersonValues, type Scalar } from '../sync/record-values'
import type { Person } from '../webex/schemas'
import { boolValue, textValue, toTargetValue } from './coerce'
import { sourceValue } from './source-value'
import { applyTransforms, NO_NAMES, transformChain, type NameMaps } from './transforms'

export type MapContext = {
  syncTime: string
  /** Role and licence names by ID, for the role-names / license-names transforms. */
  names?: NameMaps
  /**
   * Custom field types by key (`custom.<key>` and `saas.custom.<key>` targets: keys are unique across
   * both records); unknown keys keep the plain value.
   */
  customTypes?: ReadonlyMap<string, CustomFieldType>
}

/** The value one entry produces (before it is stored in the target). */
export function entryValue(
  p: Person,
  raw: unknown,
  entry: Mapping[number],
  ctx: MapContext
): unknown {
  const v = sourceValue(p, raw, entry.source, ctx.syncTime)
  return applyTransforms(v, transformChain(entry), ctx.names ?? NO_NAMES)
}

/** Maps one person. The Webex ID is always kept (rename-safe matching), whatever the mapping says. */
export function mapPersonValues(
  p: Person,
  raw: unknown,
  mapping: Mapping,
  ctx: MapContext
): PersonValues {
  const out = emptyPersonValues()
  const fields = out as unknown as Record<string, string | null>
  for (const entry of mapping) {
    const t = entry.target
    // Stamped by the writer on the records it loads; SaaS user fields: mapSaasCustomValues.
    if (t === 'syncTime' || t.startsWith('saas.')) continue
    const value = entryValue(p, raw, entry, ctx)
    if (t.startsWith('custom.')) {
      const key = t.slice(7)
      out.custom[key] = toTargetValue(value, ctx.customTypes?.get(key))
    } else if (t === 'invitePending') out.invitePending = boolValue(value)
    else if (t in out && t !== 'custom') fields[t] = textValue(value)
  }
  out.webexId = p.id
  return out
}

const SAAS_CUSTOM = 'saas.custom.'

/**
 * The custom values of the person's SaaS user record: `saas.custom.<key>` entries, with the same
 * sources, transforms and typing as person custom fields. Built-in SaaS user fields are not mappable
 * (the sync fills them from the Webex account).
 */
export function mapSaasCustomValues(
  p: Person,
  raw: unknown,
  mapping: Mapping,
  ctx: MapContext
): Record<string, Scalar> {
  const out: Record<string, Scalar> = {}
  for (const entry of mapping) {
    if (!entry.target.startsWith(SAAS_CUSTOM)) continue
    const key = entry.target.slice(SAAS_CUSTOM.length)
    out[key] = toTargetValue(entryValue(p, raw, entry, ctx), ctx.customTypes?.get(key))
  }
  return out
}
