/** The core's handler map: one line per contract channel, delegating to the domain services. */
import type { AppStatus } from '../../../shared/contract/app-status'
import type { CredentialsService } from '../credentials/credentials-service'
import type { DemoOrg } from '../demo/demo-org'
import type { HandlerMap } from './dispatch'
import type { IngestServices } from '../ingest/ingest-services'
import type { DbMaintenance } from '../maintenance/db-maintenance'
import { createDegradedIngestHandlers, createIngestHandlers } from './ingest-handlers'
import { createDegradedMappingHandlers, createMappingHandlers } from './mapping-handlers'

export type HandlerDeps = {
  status: () => Promise<AppStatus>
  credentials: CredentialsService
  demo: DemoOrg
  ingest: IngestServices
  maintenance: DbMaintenance
}

/** `app:restore-backup` belongs to the core itself (it swaps the database): see core.ts. */
export type ServiceHandlerMap = Omit<HandlerMap, 'app:restore-backup'>

export function createHandlers(d: HandlerDeps): ServiceHandlerMap {
  return {
    'app:get-status': () => d.status(),
    'app:run-maintenance': (input) => d.maintenance.runDue({ force: input?.force }),
    'credentials:list': () => d.credentials.list(),
    'credentials:create': (input) => d.credentials.create(input),
    'credentials:update': (input) => d.credentials.update(input),
    'credentials:delete': ({ id }) => d.credentials.remove(id),
    'credentials:authenticate': ({ id }) => d.credentials.authenticate(id),
    'credentials:cancel-authentication': ({ id }) =>
      Promise.resolve(d.credentials.cancelAuthentication(id)),
    'credentials:verify': ({ id }) => d.credentials.verify(id),
    'demo:start': () => d.demo.start(),
    ...createIngestHandlers(d.ingest),
    ...createMappingHandlers(d.ingest.mapping)
  }
}

/** When the database cannot be opened, every channel but the status answers with the reason. */
export function createDegradedHandlers(
  status: () => Promise<AppStatus>,
  failure: Error
): ServiceHandlerMap {
  const refuse = () => Promise.reject(failure)
  return {
    'app:get-status': status,
    'app:run-maintenance': refuse,
    'credentials:list': refuse,
    'credentials:create': refuse,
    'credentials:update': refuse,
    'credentials:delete': refuse,
    'credentials:authenticate': refuse,
    'credentials:cancel-authentication': refuse,
    'credentials:verify': refuse,
    'demo:start': refuse,
    ...createDegradedIngestHandlers(failure),
    ...createDegradedMappingHandlers(failure)
  }
}
