/** The Webex client's public surface. */
export { createWebexClient, type WebexClient, type WebexClientOptions } from './client'
export type { TokenProvider } from './auth'
export * from './errors'
export type {
  ListEndReason,
  ListOutcome,
  ListPeopleOptions,
  PeopleListing,
  PeoplePage,
  PeopleQuery
} from './list-people'
export type {
  CreatePersonResult,
  DeletePersonResult,
  PersonChanges,
  UpdatePersonResult
} from './people-writes'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy'
export { isAllowedOrigin } from './origin'
export * from './oauth'
