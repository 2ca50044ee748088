/**
 * Builds the deterministic synthetic organization for a seed: people with awkward names, managers,
 * licences, admin roles, presence and consistent dates. Cheap code only: 100k people in about a second.
 */
import type { PersonWire } from '../../core/webex/schemas'
import {
  ALT_EMAIL_DOMAIN,
  AWKWARD_PEOPLE,
  DEPARTMENTS,
  EMAIL_DOMAIN,
  FIRST_NAMES,
  LAST_NAMES,
  LICENSE_DEFS,
  LOCATIONS,
  ROLE_DEFS,
  SITE_URL,
  TIMEZONES,
  TITLES
} from './catalog'
import { webexId } from './ids'
import type { Rng } from './prng'
import { createRng } from './prng'

export type BooleanForm = 'string' | 'boolean'
export type SimRole = { id: string; name: string; canWrite: boolean }
export type SimLicense = {
  id: string
  name: string
  code: string
  workspaces: number
  siteUrl?: string
}
export type SimLocation = { id: string; key: string }
export type SimOrg = { id: string; displayName: string; created: string }

export type GeneratedOrg = {
  org: SimOrg
  roles: SimRole[]
  licenses: SimLicense[]
  locations: SimLocation[]
  people: PersonWire[]
  adminId: string
  memberId: string
}

const DAY = 86_400_000
const YEAR = 365 * DAY

export const wireBool = (value: boolean, form: BooleanForm): boolean | 'true' | 'false' =>
  form === 'boolean' ? value : value ? 'true' : 'false'

/** Lower-case ASCII local part: diacritics dropped, spaces become dots, other symbols kept. */
function emailLocal(first: string, last: string): string {
  const ascii = `${first}.${last}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9.'-]/g, '')
  return ascii.replace(/^\.+|\.+$/g, '') || 'user'
}

function cachedLocal(ctx: PersonContext, first: string, last: string): string {
  const key = `${first}\u0000${last}`
  let local = ctx.locals.get(key)
  if (local === undefined) {
    local = emailLocal(first, last)
    ctx.locals.set(key, local)
  }
  return local
}

const iso = (ms: number): string => new Date(ms).toISOString()

// Weighted presence: mostly inactive, a few of every other value (pending comes from invitePending).
const STATUS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['inactive', 55],
  ['active', 15],
  ['meeting', 8],
  ['DoNotDisturb', 5],
  ['OutOfOffice', 5],
  ['call', 4],
  ['presenting', 3],
  ['unknown', 5]
]
const STATUS_TOTAL = STATUS_WEIGHTS.reduce((n, [, w]) => n + w, 0)
function pickStatus(rng: Rng): string {
  let r = rng.int(STATUS_TOTAL)
  for (const [status, w] of STATUS_WEIGHTS) {
    if (r < w) return status
    r -= w
  }
  return 'inactive'
}

export type GenerateOptions = { users: number; seed: number; now: number; booleanForm: BooleanForm }

export function generateOrg(opts: GenerateOptions): GeneratedOrg {
  const rng = createRng(opts.seed)
  const anchor = Math.floor(opts.now / DAY) * DAY
  const orgUuid = rng.uuid()
  const org: SimOrg = {
    id: webexId('ORGANIZATION', orgUuid),
    displayName: 'Roster Simulated Org, Inc.',
    created: iso(anchor - 6 * YEAR)
  }
  const roles: SimRole[] = ROLE_DEFS.map((r) => ({
    id: webexId('ROLE', r.key),
    name: r.name,
    canWrite: r.canWrite
  }))
  const licenses: SimLicense[] = LICENSE_DEFS.map((l) => ({
    id: webexId('LICENSE', `${orgUuid}/${l.code}_${rng.uuid()}`),
    name: l.name,
    code: l.code,
    workspaces: l.workspaces,
    ...('site' in l && l.site ? { siteUrl: SITE_URL } : {})
  }))
  const locations: SimLocation[] = LOCATIONS.map((l) => ({
    id: webexId('LOCATION', rng.uuid()),
    key: l.key
  }))
  const ctx: PersonContext = {
    rng,
    anchor,
    org,
    roles,
    licenses,
    locations,
    opts,
    emails: new Set(),
    suffixes: new Map(),
    locals: new Map(),
    callingId: licenses.find((l) => l.code === 'BCOCP')?.id ?? '',
    siteLicenseIds: new Set(licenses.filter((l) => l.siteUrl).map((l) => l.id))
  }
  const total = Math.max(2, opts.users)
  const people: PersonWire[] = new Array<PersonWire>(total)
  for (let i = 0; i < total; i++) people[i] = makePerson(ctx, i, people)
  return {
    org,
    roles,
    licenses,
    locations,
    people,
    adminId: people[0]?.id ?? '',
    memberId: people[1]?.id ?? ''
  }
}

type PersonContext = {
  rng: Rng
  anchor: number
  org: SimOrg
  roles: SimRole[]
  licenses: SimLicense[]
  locations: SimLocation[]
  opts: GenerateOptions
  emails: Set<string>
  suffixes: Map<string, number>
  locals: Map<string, string>
  callingId: string
  siteLicenseIds: Set<string>
}

/** first.last@domain, then first.last2@..., remembering the next suffix per base (no rescans). */
function uniqueEmail(ctx: PersonContext, local: string, domain: string): string {
  const base = `${local}@${domain}`
  let n = ctx.suffixes.get(base) ?? 1
  let email = n === 1 ? base : `${local}${n}@${domain}`
  while (ctx.emails.has(email)) email = `${local}${++n}@${domain}`
  ctx.suffixes.set(base, n + 1)
  ctx.emails.add(email)
  return email
}

function makePerson(ctx: PersonContext, i: number, earlier: PersonWire[]): PersonWire {
  const { rng, anchor } = ctx
  const uuid = rng.uuid()
  const awkward = i >= 2 ? AWKWARD_PEOPLE[i - 2] : undefined
  const kindRoll = rng.next()
  const type =
    i < 2 || awkward ? 'person' : kindRoll < 0.03 ? 'bot' : kindRoll < 0.05 ? 'appuser' : 'person'
  const created = anchor - DAY - rng.int(5 * YEAR)
  const lastModified = created + rng.int(anchor - created)
  const p: PersonWire = { id: webexId('PEOPLE', uuid), emails: [] }

  if (type === 'bot') {
    const name = `${rng.pick(['Build', 'Alert', 'Helpdesk', 'Standup', 'Deploy'])} Bot ${i}`
    p.emails = [uniqueEmail(ctx, name.toLowerCase().replace(/\s+/g, '-'), 'webex.bot')]
    p.displayName = name
  } else {
    const first = i === 0 ? 'Alex' : i === 1 ? 'Morgan' : (awkward?.first ?? rng.pick(FIRST_NAMES))
    const last = i === 0 ? 'Admin' : i === 1 ? 'Member' : (awkward?.last ?? rng.pick(LAST_NAMES))
    const local = awkward?.email ?? cachedLocal(ctx, first, last)
    const domain = type === 'appuser' ? 'guest.example.net' : EMAIL_DOMAIN
    p.emails = [uniqueEmail(ctx, local, domain)]
    if (type === 'person' && rng.chance(0.03)) {
      p.emails.push(uniqueEmail(ctx, local, ALT_EMAIL_DOMAIN))
    }
    p.displayName = `${first} ${last}`
    p.firstName = first
    p.lastName = last
    if (rng.chance(0.1)) p.nickName = first.split(/[\s-]/)[0] ?? first
  }
  if (type === 'person') fillWorkDetails(ctx, p, i, earlier)
  p.orgId = ctx.org.id
  p.created = iso(created)
  p.lastModified = iso(lastModified)
  fillPresence(ctx, p, i, type, created)
  p.type = type
  return p
}

function fillWorkDetails(
  ctx: PersonContext,
  p: PersonWire,
  i: number,
  earlier: PersonWire[]
): void {
  const { rng } = ctx
  const loc = rng.pick(LOCATIONS)
  const locIndex = LOCATIONS.indexOf(loc)
  const phones: NonNullable<PersonWire['phoneNumbers']> = []
  if (rng.chance(0.7))
    phones.push({
      type: 'work',
      value: `+1 408 ${500 + rng.int(400)} ${1000 + rng.int(9000)}`,
      primary: true
    })
  if (rng.chance(0.45))
    phones.push({
      type: 'mobile',
      value: `+47 9${rng.int(10_000_000).toString().padStart(7, '0')}`,
      primary: phones.length === 0
    })
  if (rng.chance(0.05))
    phones.push({ type: 'fax', value: `+49 30 ${rng.int(9_000_000) + 1_000_000}`, primary: false })
  const licenses: string[] = []
  for (let l = 0; l < LICENSE_DEFS.length; l++) {
    const def = LICENSE_DEFS[l]
    if (def && ((i === 0 && def.share > 0) || rng.chance(def.share)))
      licenses.push(ctx.licenses[l]?.id ?? '')
  }
  if (licenses.includes(ctx.callingId)) {
    const ext = String(1000 + (i % 9000))
    p.extension = ext
    p.locationId = ctx.locations[locIndex]?.id
    phones.push({
      type: 'work_extension',
      value: `8${locIndex + 1}${ext}`,
      primary: phones.length === 0
    })
  }
  if (phones.length > 0) p.phoneNumbers = phones
  if (rng.chance(0.15)) p.avatar = `https://avatar.roster-sim.example.com/V1~${rng.hex(16)}~1600`
  p.licenses = licenses
  if (i === 0) p.roles = [ctx.roles[0]?.id ?? '']
  else if (i > 1 && rng.chance(0.012)) p.roles = [rng.pick(ctx.roles).id]
  else p.roles = []
  if (rng.chance(0.9)) p.department = rng.pick(DEPARTMENTS)
  if (rng.chance(0.85)) p.title = rng.pick(TITLES)
  if (i > 2 && rng.chance(0.7)) {
    const manager = earlier[rng.int(Math.min(i, 50 + Math.floor(i / 20)))]
    if (manager?.type === 'person') {
      p.managerId = manager.id
      p.manager = manager.displayName
    }
  }
  if (rng.chance(0.6)) {
    p.addresses = [
      {
        type: 'work',
        country: loc.country,
        locality: loc.city,
        region: loc.region,
        streetAddress: loc.street,
        postalCode: String(10000 + rng.int(89999))
      }
    ]
  }
  if (rng.chance(0.8)) p.timezone = rng.pick(TIMEZONES)
  if (licenses.some((id) => ctx.siteLicenseIds.has(id))) p.siteUrls = [SITE_URL]
  p.sipAddresses = [
    {
      type: 'personal-room',
      value: `${p.emails?.[0]?.split('@')[0] ?? 'user'}@${SITE_URL}`,
      primary: true
    }
  ]
}

function fillPresence(
  ctx: PersonContext,
  p: PersonWire,
  i: number,
  type: string,
  created: number
): void {
  const { rng, anchor, opts } = ctx
  const pending = i > 1 && type === 'person' && rng.chance(0.08)
  p.invitePending = wireBool(pending, opts.booleanForm)
  p.loginEnabled = wireBool(i < 2 || rng.next() >= 0.05, opts.booleanForm)
  if (pending) {
    p.status = 'pending'
    return
  }
  p.status = pickStatus(rng)
  // About 15% of people were never active (pending ones included): the field is then absent.
  if (i < 2 || rng.next() >= 0.08) {
    const from = Math.max(created, anchor - 2 * YEAR)
    p.lastActivity = iso(from + rng.int(Math.max(1, anchor - from)))
  }
}
