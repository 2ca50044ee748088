/**
 * Fixed reference data of the synthetic org: admin roles, licence kinds, locations and the pools the
 * generator draws people from. Role names follow Control Hub; licence names follow /licenses output.
 */
export const ROLE_DEFS = [
  { key: 'id_full_admin', name: 'Full Administrator', canWrite: true },
  { key: 'id_user_admin', name: 'User Administrator', canWrite: true },
  { key: 'id_readonly_admin', name: 'Read-only Administrator', canWrite: false },
  { key: 'id_device_admin', name: 'Device Administrator', canWrite: false },
  { key: 'id_supportadmin', name: 'Support Administrator', canWrite: false },
  { key: 'atlas-portal.partner.salesadmin', name: 'Sales Administrator', canWrite: false }
] as const

/** share = probability that an ordinary person holds it; workspaces = units used by devices. */
export const LICENSE_DEFS = [
  { code: 'MS', name: 'Messaging', share: 0.97, workspaces: 0 },
  { code: 'MC', name: 'Meeting - Webex Meeting Center', share: 0.8, workspaces: 0, site: true },
  { code: 'BCOCP', name: 'Webex Calling - Professional', share: 0.42, workspaces: 37 },
  { code: 'BCOCS', name: 'Webex Calling - Workspaces', share: 0, workspaces: 64 },
  { code: 'EE', name: 'Webex Suite - Meet + Call', share: 0.22, workspaces: 0 },
  { code: 'CF', name: 'Webex Webinars', share: 0.04, workspaces: 0, site: true },
  { code: 'ST', name: 'Screen Share', share: 0.6, workspaces: 0 }
] as const

export const SITE_URL = 'roster-sim.webex.com'
export const EMAIL_DOMAIN = 'roster-sim.example.com'
export const ALT_EMAIL_DOMAIN = 'corp.roster-sim.example.com'

export const LOCATIONS = [
  { key: 'hq', city: 'Milpitas', region: 'California', country: 'US', street: '1099 Bird Ave.' },
  { key: 'ber', city: 'Berlin', region: 'Berlin', country: 'DE', street: 'Friedrichstraße 68' },
  { key: 'osl', city: 'Oslo', region: 'Oslo', country: 'NO', street: 'Karl Johans gate 22' },
  { key: 'tyo', city: '東京', region: 'Tokyo', country: 'JP', street: '港区芝浦3-4-1' },
  { key: 'sao', city: 'São Paulo', region: 'SP', country: 'BR', street: 'Av. Paulista, 1578' }
] as const

/** People every org gets, whatever its size: the names that break naive code. */
export const AWKWARD_PEOPLE: readonly { first: string; last: string; email?: string }[] = [
  { first: 'Zoë', last: 'Ødegård' },
  { first: 'José', last: 'Nuñez' },
  { first: 'Seán', last: "O'Brien", email: "sean.o'brien" },
  { first: '小龍', last: '李', email: 'xiaolong.li' },
  { first: '芳', last: '王', email: 'fang.wang' },
  { first: 'Nguyễn', last: 'Văn An' },
  { first: 'Łukasz', last: 'Żółćiński' },
  { first: 'Björn', last: 'Ångström' },
  { first: 'Mary-Kate', last: "D'Arcy-Smythe" },
  { first: 'Αλέξανδρος', last: 'Παπαδόπουλος', email: 'alexandros.papadopoulos' },
  { first: 'Олена', last: 'Шевченко', email: 'olena.shevchenko' },
  {
    first: 'María Fernanda de los Ángeles',
    last: 'Rodríguez-Villanueva y Castellanos de la Santísima Trinidad'
  },
  { first: 'Ünal', last: 'Çelik' },
  { first: 'François', last: 'Lefèvre' }
]

// prettier-ignore
export const FIRST_NAMES = [
  'Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Ethan', 'Sofia', 'Mateo', 'Amelia',
  'Oliver', 'Chloé', 'Hugo', 'Ingrid', 'Lars', 'Aisha', 'Omar', 'Priya', 'Arjun', 'Mei', 'Hiroshi',
  'Yuki', 'Fatima', 'Kwame', 'Ana', 'João', 'Élise', 'Søren', 'Anaïs', 'Dmitri', 'Katarzyna',
  'Chen', 'Wei', 'Ngozi', 'Tomás', 'Renée', 'Jürgen', 'Sinéad', 'Ahmed', 'Leila', 'Marta'
]

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Garcia', 'Müller', 'Rossi', 'Dubois', 'Nakamura', 'Kowalski', 'Patel',
  'Singh', 'Kim', 'Nguyen', 'Hansen', 'Larsen', 'Silva', 'Santos', 'Okafor', 'Mensah', 'Haddad',
  'Cohen', 'Fernández', 'López', 'Schmidt', 'Novák', 'Jensen', 'Andersen', "O'Connor", 'MacLeod',
  'van der Berg', 'De Luca', 'Yılmaz', 'Kuznetsov', 'Tanaka', 'Zhang', 'Björklund', 'Åberg'
]

// prettier-ignore
export const DEPARTMENTS = [
  'Sales', 'Engineering', 'Finance', 'Human Resources', 'Marketing', 'Support', 'Legal',
  'Operations', 'R&D / Platform', 'Customer Success'
]

// prettier-ignore
export const TITLES = [
  'Engineer', 'Senior Engineer', 'Account Executive', 'Manager', 'Director', 'VP', 'Analyst',
  'Designer', 'Support Specialist', 'Chief of Staff', 'Intern'
]

// prettier-ignore
export const TIMEZONES = [
  'America/Los_Angeles', 'America/Denver', 'America/New_York', 'Europe/Berlin', 'Europe/Oslo',
  'Asia/Tokyo', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Sydney'
]
