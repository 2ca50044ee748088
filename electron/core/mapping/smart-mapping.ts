/**
 * Smart Mapping: proposes a complete mapping from field names, synonyms and the shape of sample values
 * (email-like values to email fields, dates to date fields, booleans to boolean fields, phone-like
 * values to phone fields...), each with a plain-words reason and a confidence in 0..1. The admin's own
 * entries are kept unless `overwrite` is set. Pure.
 */
import type { TargetField, TargetFieldType } from '../../../shared/domain/custom-field'
import type { Mapping, MappingEntry, MappingTransform } from '../../../shared/domain/mapping'
import type {
  MappingProposal,
  SmartMappingResult,
  SourceField,
  ValueShape
} from '../../../shared/domain/mapping-studio'

/** Concepts and the words people use for them (normalised: lower case, no punctuation). */
const SYNONYMS: Record<string, readonly string[]> = {
  email: ['email', 'e mail', 'mail', 'email address', 'primary email', 'work email', 'emails'],
  username: ['username', 'user name', 'login', 'login name', 'account name', 'upn', 'user id'],
  firstName: ['first name', 'given name', 'forename', 'first', 'given'],
  lastName: ['last name', 'surname', 'family name', 'last'],
  displayName: ['display name', 'full name', 'name', 'displayname'],
  nickName: ['nickname', 'nick name', 'preferred name'],
  title: ['title', 'job title', 'position', 'job', 'designation'],
  department: ['department', 'dept', 'division', 'team'],
  mobile: ['mobile', 'mobile phone', 'cell', 'cell phone', 'mobile number'],
  workPhone: ['phone', 'work phone', 'telephone', 'office phone', 'business phone', 'tel'],
  fax: ['fax'],
  extension: ['extension', 'ext', 'work extension'],
  manager: ['manager', 'supervisor', 'reports to', 'line manager'],
  managerId: ['manager id', 'supervisor id'],
  lastActivity: ['last activity', 'last seen', 'last active', 'last login', 'last used'],
  webexId: ['webex id', 'webex uuid', 'person id', 'uuid', 'webex person id', 'id'],
  orgId: ['org id', 'organization id', 'organisation id', 'tenant id', 'webex org id'],
  status: ['status', 'presence', 'webex status'],
  type: ['type', 'user type', 'account type', 'webex type'],
  created: ['created', 'created at', 'creation date', 'date created', 'webex created'],
  lastModified: ['last modified', 'modified', 'updated', 'last updated', 'webex last modified'],
  invitePending: ['invite pending', 'invitation pending', 'pending invite'],
  loginEnabled: ['login enabled', 'can log in', 'enabled'],
  city: ['city', 'locality', 'town'],
  region: ['region', 'state', 'province', 'county'],
  country: ['country', 'nation'],
  postalCode: ['postal code', 'zip', 'zip code', 'postcode'],
  street: ['street', 'street address', 'address'],
  timezone: ['time zone', 'timezone', 'tz'],
  avatar: ['avatar', 'photo', 'picture', 'image'],
  locationId: ['location', 'location id', 'site'],
  roles: ['roles', 'admin roles', 'webex roles'],
  licenses: ['licenses', 'licences', 'license', 'licence'],
  syncTime: ['sync time', 'user load connector sync time', 'last sync', 'synced']
}

/** The concept of each offered source key. */
const SOURCE_CONCEPT: Record<string, string> = {
  email: 'email',
  firstName: 'firstName',
  lastName: 'lastName',
  displayName: 'displayName',
  id: 'webexId',
  orgId: 'orgId',
  status: 'status',
  type: 'type',
  created: 'created',
  lastModified: 'lastModified',
  invitePending: 'invitePending',
  syncTime: 'syncTime',
  '$.nickName': 'nickName',
  '$.title': 'title',
  '$.department': 'department',
  "$.phoneNumbers[?type=='mobile'].value": 'mobile',
  "$.phoneNumbers[?type=='work'].value": 'workPhone',
  "$.phoneNumbers[?type=='fax'].value": 'fax',
  '$.extension': 'extension',
  '$.manager': 'manager',
  '$.managerId': 'managerId',
  '$.lastActivity': 'lastActivity',
  '$.loginEnabled': 'loginEnabled',
  '$.addresses[0].locality': 'city',
  '$.addresses[0].region': 'region',
  '$.addresses[0].country': 'country',
  '$.addresses[0].postalCode': 'postalCode',
  '$.addresses[0].streetAddress': 'street',
  '$.timezone': 'timezone',
  '$.avatar': 'avatar',
  '$.locationId': 'locationId',
  '$.roles': 'roles',
  '$.licenses': 'licenses'
}

/** Built-in person targets and the concept that fills them. */
const TARGET_CONCEPT: Record<string, string> = {
  username: 'username',
  email: 'email',
  displayName: 'displayName',
  firstName: 'firstName',
  lastName: 'lastName',
  webexId: 'webexId',
  webexOrgId: 'orgId',
  webexStatus: 'status',
  webexType: 'type',
  webexCreated: 'created',
  webexLastModified: 'lastModified',
  invitePending: 'invitePending'
}

export const normaliseName = (s: string): string =>
  s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\be mail\b/g, 'email')

const PHRASE_TO_CONCEPT = new Map<string, string>()
for (const [concept, words] of Object.entries(SYNONYMS))
  for (const w of words) if (!PHRASE_TO_CONCEPT.has(w)) PHRASE_TO_CONCEPT.set(w, concept)

/** The concept a free name means: exact phrase first, then without a "webex"/"user" prefix. */
export function conceptOfName(name: string): string | null {
  const n = normaliseName(name)
  const exact = PHRASE_TO_CONCEPT.get(n)
  if (exact) return exact
  const stripped = n.replace(/^(webex|user|person|employee|primary|work) /, '')
  return PHRASE_TO_CONCEPT.get(stripped) ?? null
}

/** What a target type accepts from a source shape: 1 fits, 0.5 needs a transform, 0 does not fit. */
function typeFit(shape: ValueShape, type: TargetFieldType): number {
  if (shape === 'empty') return 0.7
  switch (type) {
    case 'number':
      return shape === 'number' ? 1 : shape === 'list' ? 0.3 : 0
    case 'date':
    case 'date-time':
      return shape === 'date-time' ? 1 : 0
    case 'boolean':
      return shape === 'boolean' ? 1 : 0
    case 'list':
      return 1
    default:
      return shape === 'list' || shape === 'object' ? 0.5 : 1
  }
}

/** Hints from a target name when it names no known concept. */
function shapeHint(label: string): ValueShape | null {
  const n = normaliseName(label)
  if (/\b(e ?mail|mail)\b/.test(n)) return 'email'
  if (/\b(phone|tel|mobile|cell)\b/.test(n)) return 'phone'
  if (/\b(date|time|when|seen|at)\b/.test(n)) return 'date-time'
  if (/\b(url|link|website)\b/.test(n)) return 'url'
  return null
}

const SHAPE_WORDS: Partial<Record<ValueShape, string>> = {
  email: 'email addresses',
  phone: 'phone numbers',
  'date-time': 'dates',
  boolean: 'yes/no values',
  url: 'links',
  number: 'numbers'
}

type Candidate = { source: SourceField; score: number; reason: string }

function proposeTransforms(
  source: SourceField,
  target: TargetField,
  concept: string | null
): MappingTransform[] {
  const out: MappingTransform[] = []
  if (concept === 'roles') out.push({ kind: 'role-names' })
  if (concept === 'licenses') out.push({ kind: 'license-names' })
  if (source.shape === 'list' && target.type !== 'list')
    out.push(target.type === 'number' ? { kind: 'first' } : { kind: 'join', separator: ', ' })
  if (target.type === 'date' && source.shape === 'date-time')
    out.push({ kind: 'date', format: 'YYYY-MM-DD' })
  if ((target.key === 'username' || target.key === 'email') && source.key === 'email')
    out.push({ kind: 'lowercase' })
  return out
}

function candidatesFor(target: TargetField, sources: readonly SourceField[]): Candidate[] {
  const wanted = TARGET_CONCEPT[target.key] ?? conceptOfName(target.label)
  const hint = wanted ? null : shapeHint(target.label)
  const targetWords = new Set(normaliseName(target.label).split(' '))
  const out: Candidate[] = []
  for (const s of sources) {
    const concept = SOURCE_CONCEPT[s.key] ?? conceptOfName(s.label)
    const fit = typeFit(s.shape, target.type)
    let score = 0
    let reason = ''
    if (wanted && concept === wanted) {
      const same = normaliseName(s.label) === normaliseName(target.label)
      score = same ? 0.95 : 0.85
      reason = same
        ? `Same name as Webex ${s.label}`
        : `"${target.label}" means the same as Webex ${s.label}`
    } else if (wanted === 'username' && concept === 'email') {
      score = 0.9
      reason = 'Webex Email is the mandatory source of Username'
    } else if (!wanted) {
      const words = normaliseName(s.label).split(' ')
      const overlap = words.filter((w) => w.length > 2 && targetWords.has(w)).length
      if (overlap > 0) {
        score = 0.45 + 0.1 * Math.min(overlap, 3)
        reason = `The names share "${words.filter((w) => targetWords.has(w)).join(' ')}"`
      } else if (hint && s.shape === hint && s.filled > 0) {
        score = 0.5
        reason = `Its sample values look like ${SHAPE_WORDS[hint] ?? hint}`
      } else if (
        target.type === 'boolean' &&
        s.shape === 'boolean' &&
        !['standard'].includes(s.group)
      ) {
        score = 0.3
        reason = 'Both hold yes/no values'
      }
    }
    if (score === 0) continue
    if (fit === 0) {
      score -= 0.5
      reason += `, but its values (${SHAPE_WORDS[s.shape] ?? s.shape}) do not fit a ${target.type} field`
    } else if (fit < 1) {
      score -= 0.1
    } else if (s.shape !== 'empty' && s.shape !== 'text' && SHAPE_WORDS[s.shape]) {
      score += 0.03
      reason += ` and its values look like ${SHAPE_WORDS[s.shape]}`
    }
    // A field nobody has a value for is a weaker proposal.
    if (s.filled === 0 && s.samples.length === 0 && s.group !== 'standard') score -= 0.1
    out.push({ source: s, score: Math.max(0, Math.min(1, score)), reason })
  }
  return out.sort((a, b) => b.score - a.score)
}

export const PROPOSAL_THRESHOLD = 0.5

export type SmartMappingArgs = {
  sources: readonly SourceField[]
  targets: readonly TargetField[]
  mapping: Mapping
  overwrite: boolean
  /** Propose for these targets only. */
  only?: readonly string[]
  /** The Role when the mapping has none (a role from the roles list). */
  defaultRole: string | null
}

const round = (n: number) => Math.round(n * 100) / 100

export function smartMapping(a: SmartMappingArgs): SmartMappingResult {
  const proposals: MappingProposal[] = []
  const unmatched: string[] = []
  const byTarget = new Map<string, MappingEntry[]>()
  for (const e of a.mapping) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e])
  const replaced = new Set<string>()
  const added: MappingEntry[] = []
  const only = a.only ? new Set(a.only) : null

  for (const target of a.targets) {
    if (!target.mappable || (only && !only.has(target.key))) continue
    const existing = byTarget.get(target.key)
    if (existing && !a.overwrite) {
      for (const e of existing)
        proposals.push({
          source: e.source,
          target: e.target,
          transforms: [...(e.transform ? [e.transform] : []), ...(e.transforms ?? [])],
          reason: 'Your mapping, kept as it is',
          confidence: 1,
          status: 'kept'
        })
      continue
    }
    if (target.key === 'role') {
      // The Role is a constant from the roles list, never a Webex value.
      if (existing) {
        for (const e of existing)
          proposals.push({
            source: e.source,
            target: e.target,
            transforms: e.transform ? [e.transform] : [],
            reason: 'The Role stays as chosen',
            confidence: 1,
            status: 'kept'
          })
      } else if (a.defaultRole) {
        const t: MappingTransform = { kind: 'constant', value: a.defaultRole }
        added.push({ source: 'constant', target: 'role', transform: t })
        proposals.push({
          source: 'constant',
          target: 'role',
          transforms: [t],
          reason: `Every person gets the role "${a.defaultRole}" (change it in the Role list)`,
          confidence: 0.8,
          status: 'new'
        })
      } else unmatched.push(target.key)
      continue
    }
    const best = candidatesFor(target, a.sources)[0]
    if (!best || best.score < PROPOSAL_THRESHOLD) {
      if (existing)
        for (const e of existing)
          proposals.push({
            source: e.source,
            target: e.target,
            transforms: [...(e.transform ? [e.transform] : []), ...(e.transforms ?? [])],
            reason: 'No better source found: your mapping stays',
            confidence: 1,
            status: 'kept'
          })
      else unmatched.push(target.key)
      continue
    }
    const concept = SOURCE_CONCEPT[best.source.key] ?? conceptOfName(best.source.label)
    const transforms = proposeTransforms(best.source, target, concept)
    const entry: MappingEntry = {
      source: best.source.key,
      target: target.key,
      ...(transforms.length ? { transforms } : {}),
      ...(best.source.group === 'api' ? { sourceName: best.source.label } : {})
    }
    if (existing) replaced.add(target.key)
    added.push(entry)
    proposals.push({
      source: entry.source,
      target: entry.target,
      transforms,
      reason: best.reason,
      confidence: round(best.score),
      status: existing ? 'replaced' : 'new'
    })
  }
  const mapping = [...a.mapping.filter((e) => !replaced.has(e.target)), ...added]
  return { mapping, proposals, unmatched }
}
