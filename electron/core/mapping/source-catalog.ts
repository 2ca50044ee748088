/**
 * Every source the mapping studio offers: the twelve standard fields, every other field of the Webex
 * person (webex-api.md §2.2) as a ready-made path, and the admin's custom API fields. Each carries its
 * documented shape, used by Smart Mapping when no sample has a value.
 */
import { STANDARD_WEBEX_FIELDS } from '../../../shared/domain/mapping'
import type { ApiField, ValueShape } from '../../../shared/domain/mapping-studio'

export type CatalogSource = {
  key: string
  label: string
  group: 'standard' | 'webex' | 'api'
  shape: ValueShape
}

const STANDARD_SHAPES: Record<string, ValueShape> = {
  created: 'date-time',
  displayName: 'text',
  email: 'email',
  firstName: 'text',
  id: 'id',
  invitePending: 'boolean',
  lastModified: 'date-time',
  lastName: 'text',
  orgId: 'id',
  status: 'text',
  type: 'text',
  syncTime: 'date-time'
}

/** The other Webex person fields, as paths (lists also as their most useful single values). */
export const WEBEX_PERSON_SOURCES: readonly CatalogSource[] = [
  { key: '$.emails', label: 'Emails (all)', shape: 'list' },
  { key: "$.phoneNumbers[?type=='work'].value", label: 'Work phone', shape: 'phone' },
  { key: "$.phoneNumbers[?type=='mobile'].value", label: 'Mobile phone', shape: 'phone' },
  { key: "$.phoneNumbers[?type=='fax'].value", label: 'Fax', shape: 'phone' },
  { key: "$.phoneNumbers[?type=='work_extension'].value", label: 'Work extension', shape: 'phone' },
  { key: '$.phoneNumbers[*].value', label: 'Phone numbers (all)', shape: 'list' },
  { key: '$.extension', label: 'Extension', shape: 'text' },
  { key: '$.locationId', label: 'Location ID', shape: 'id' },
  { key: '$.nickName', label: 'Nickname', shape: 'text' },
  { key: '$.avatar', label: 'Avatar', shape: 'url' },
  { key: '$.roles', label: 'Roles (IDs)', shape: 'list' },
  { key: '$.licenses', label: 'Licences (IDs)', shape: 'list' },
  { key: '$.department', label: 'Department', shape: 'text' },
  { key: '$.manager', label: 'Manager', shape: 'text' },
  { key: '$.managerId', label: 'Manager ID', shape: 'id' },
  { key: '$.title', label: 'Title', shape: 'text' },
  { key: '$.addresses[0].streetAddress', label: 'Street address', shape: 'text' },
  { key: '$.addresses[0].locality', label: 'City (locality)', shape: 'text' },
  { key: '$.addresses[0].region', label: 'Region', shape: 'text' },
  { key: '$.addresses[0].postalCode', label: 'Postal code', shape: 'text' },
  { key: '$.addresses[0].country', label: 'Country', shape: 'text' },
  { key: '$.addresses', label: 'Addresses (all)', shape: 'list' },
  { key: '$.timezone', label: 'Time zone', shape: 'text' },
  { key: '$.lastActivity', label: 'Last activity', shape: 'date-time' },
  { key: '$.siteUrls', label: 'Site URLs', shape: 'list' },
  { key: '$.sipAddresses[*].value', label: 'SIP addresses', shape: 'list' },
  { key: '$.xmppFederationJid', label: 'XMPP federation JID', shape: 'email' },
  { key: '$.loginEnabled', label: 'Login enabled', shape: 'boolean' }
].map((s) => ({ ...s, group: 'webex' as const, shape: s.shape as ValueShape }))

export function sourceCatalog(apiFields: readonly ApiField[]): CatalogSource[] {
  const standard = STANDARD_WEBEX_FIELDS.map((f): CatalogSource => ({
    key: f.key,
    label: f.label,
    group: 'standard',
    shape: STANDARD_SHAPES[f.key] ?? 'text'
  }))
  const api = apiFields.map((a): CatalogSource => ({
    key: a.expression,
    label: a.name,
    group: 'api',
    shape: 'text'
  }))
  return [...standard, ...WEBEX_PERSON_SOURCES, ...api]
}
