/** A raw Webex person with every field of webex-api.md §2.2, and helpers to parse it like the sync. */
import type { LastReadPerson } from '../../../electron/core/mapping/last-read'
import { Person } from '../../../electron/core/webex/schemas'

export const RAW_ANN = {
  id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hbm4tMDAwMDAwMDAwMDAwMDAwMQ',
  emails: ['Ann.Lee@Example.com', 'ann@alias.example.com'],
  phoneNumbers: [
    { type: 'work', value: '+1 408 555 0101', primary: true },
    { type: 'mobile', value: '+1 408 555 0199', primary: 'false' }
  ],
  extension: '0101',
  locationId: 'Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2xvYy0wMDAwMDAwMDAwMDAwMDE',
  displayName: 'Ann Lee',
  nickName: 'Annie',
  firstName: 'Ann',
  lastName: 'Lee',
  avatar: 'https://avatars.example.com/ann.png',
  orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vcmctMDAwMDAwMDAwMDAx',
  roles: ['role-admin,role-audit'],
  licenses: ['lic-meet', 'lic-call'],
  department: 'Sales',
  manager: 'Bob Stone',
  managerId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib2ItMDAwMDAwMDAwMDAwMDAwMg',
  title: 'Account Executive',
  addresses: [
    {
      type: 'work',
      country: 'US',
      locality: 'San Jose',
      region: 'CA',
      streetAddress: '170 W Tasman Dr',
      postalCode: '95134'
    }
  ],
  created: '2015-10-18T14:26:16.000Z',
  lastModified: '2024-03-02T08:00:00.000Z',
  timezone: 'America/Los_Angeles',
  lastActivity: '2026-11-20T09:30:00.000Z',
  siteUrls: ['example.webex.com', 'other.webex.com#attendee'],
  sipAddresses: [{ type: 'enterprise', value: 'ann@example.calls.webex.com', primary: true }],
  xmppFederationJid: 'ann@example.com',
  status: 'active',
  invitePending: 'false',
  loginEnabled: 'true',
  type: 'person'
}

export const RAW_BOT = {
  id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3QtMDAwMDAwMDAwMDAwMDAwMw',
  emails: ['helper-bot@webex.bot'],
  displayName: 'Helper Bot',
  status: 'pending',
  invitePending: false,
  type: 'bot'
}

export function lastRead(raw: object): LastReadPerson {
  const copy = JSON.parse(JSON.stringify(raw)) as unknown
  return { person: Person.parse(copy), raw: JSON.parse(JSON.stringify(raw)) as unknown }
}
