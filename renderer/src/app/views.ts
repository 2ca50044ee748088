/** Every top-level view of the app, in navigation order. */
export const VIEWS = [
  'dashboard',
  'people',
  'webex-users',
  'integrations',
  'workflows',
  'reports',
  'credentials',
  'activity'
] as const
export type View = (typeof VIEWS)[number]

export const VIEW_TITLES: Record<View, string> = {
  dashboard: 'Dashboard',
  people: 'People',
  'webex-users': 'Webex users',
  integrations: 'Integrations',
  workflows: 'Workflows',
  reports: 'Reports',
  credentials: 'Credentials',
  activity: 'Activity'
}
