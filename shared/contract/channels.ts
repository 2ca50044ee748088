/**
 * Channel names only, with no zod: the sandboxed preload imports this file and must stay tiny.
 * A unit test asserts these lists equal the keys of the contract in ./contract.ts.
 */
export const REQUEST_CHANNELS = [
  'app:get-status',
  'app:restore-backup',
  'app:run-maintenance',
  'credentials:list',
  'credentials:create',
  'credentials:update',
  'credentials:delete',
  'credentials:authenticate',
  'credentials:cancel-authentication',
  'credentials:verify',
  'demo:start',
  'integrations:list',
  'integrations:get',
  'integrations:create',
  'integrations:update',
  'integrations:duplicate',
  'integrations:delete',
  'integrations:launch',
  'integrations:preview',
  'integrations:apply',
  'integrations:run-now',
  'plans:get',
  'plans:list-items',
  'people:list',
  'people:get',
  'people:columns',
  'saas-users:list',
  'saas-users:get',
  'saas-users:columns',
  'runs:list',
  'runs:get',
  'runs:cancel',
  'runs:allow-held',
  'roles:list',
  'roles:create',
  'roles:rename',
  'roles:delete',
  'mapping:sources',
  'mapping:targets',
  'mapping:smart',
  'mapping:evaluate',
  'mapping:validate',
  'mapping:check-sync-keys',
  'mapping:impact',
  'api-fields:list',
  'api-fields:save',
  'api-fields:delete',
  'custom-fields:list',
  'custom-fields:create',
  'custom-fields:impact',
  'custom-fields:update',
  'custom-fields:delete'
] as const
export type RequestChannel = (typeof REQUEST_CHANNELS)[number]

/**
 * Requests that only read the local database: the core answers them while it still checks the
 * database at startup (in the background), so the first rows need not wait for the check. Every
 * other request waits for it: nothing is written to a file the check may yet find damaged. A test
 * calls each of these and asserts that no commit happened.
 */
export const READ_ONLY_CHANNELS = [
  'app:get-status',
  'credentials:list',
  'integrations:list',
  'integrations:get',
  'plans:get',
  'plans:list-items',
  'people:list',
  'people:get',
  'people:columns',
  'saas-users:list',
  'saas-users:get',
  'saas-users:columns',
  'runs:list',
  'runs:get',
  'roles:list',
  'custom-fields:list',
  'api-fields:list'
] as const satisfies readonly RequestChannel[]
export type ReadOnlyChannel = (typeof READ_ONLY_CHANNELS)[number]

export const EVENT_CHANNELS = [
  'credentials:changed',
  'app:status-changed',
  'runs:progress',
  'runs:finished',
  'integrations:changed'
] as const
export type EventChannel = (typeof EVENT_CHANNELS)[number]

export const isRequestChannel = (c: unknown): c is RequestChannel =>
  typeof c === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(c)
export const isReadOnlyChannel = (c: RequestChannel): boolean =>
  (READ_ONLY_CHANNELS as readonly string[]).includes(c)
export const isEventChannel = (c: unknown): c is EventChannel =>
  typeof c === 'string' && (EVENT_CHANNELS as readonly string[]).includes(c)
