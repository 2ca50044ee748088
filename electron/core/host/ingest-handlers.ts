/** Handlers of the ingest channels (issue 4): integrations, plans, people, SaaS users, runs, roles. */
import type { IngestServices } from '../ingest/ingest-services'
import { asPromise, type HandlerMap } from './dispatch'

export type IngestChannel =
  | `integrations:${string}`
  | `plans:${string}`
  | `people:${string}`
  | `saas-users:${string}`
  | `runs:${string}`
  | `roles:${string}`
type IngestHandlers = {
  [C in keyof HandlerMap as C extends IngestChannel ? C : never]: HandlerMap[C]
}

export function createIngestHandlers(s: IngestServices): IngestHandlers {
  const p = asPromise
  return {
    'integrations:list': () => p(() => s.integrations.list()),
    'integrations:get': ({ id }) => p(() => s.integrations.get(id)),
    'integrations:create': (input) => p(() => s.integrations.create(input)),
    'integrations:update': (input) => p(() => s.integrations.update(input)),
    'integrations:duplicate': (input) => p(() => s.integrations.duplicate(input)),
    'integrations:delete': ({ id }) => p(() => s.integrations.remove(id)),
    'integrations:launch': ({ id }) => p(() => s.integrations.launch(id)),
    'integrations:preview': ({ id }) => s.runner.preview(id),
    'integrations:apply': ({ planId }) => s.runner.apply(planId),
    'integrations:run-now': ({ id }) =>
      s.runner.start(id, { trigger: 'manual' }).then((r) => r.run),
    'plans:get': ({ planId }) => p(() => s.plans.summary(planId)),
    'plans:list-items': (input) => p(() => s.plans.items(input)),
    'people:list': (q) => p(() => s.records.listPeople(q)),
    'people:get': ({ id }) => p(() => s.records.getPerson(id)),
    'people:columns': () => p(() => s.records.peopleColumns()),
    'saas-users:list': (q) => p(() => s.records.listSaasUsers(q)),
    'saas-users:get': ({ id }) => p(() => s.records.getSaasUser(id)),
    'saas-users:columns': () => p(() => s.records.saasUserColumns()),
    'runs:list': (q) => p(() => s.runs.list(q)),
    'runs:get': (q) => p(() => s.runs.detail(q)),
    'runs:cancel': ({ id }) => p(() => ({ cancelled: s.runner.cancel(id) })),
    'runs:allow-held': ({ id }) => p(() => s.runner.allowHeld(id)),
    'roles:list': () => p(() => s.roles.list()),
    'roles:create': ({ name }) => p(() => s.roles.create(name)),
    'roles:rename': ({ id, name }) => p(() => s.roles.rename(id, name)),
    'roles:delete': ({ id }) => p(() => s.roles.remove(id))
  }
}

/** Every ingest channel refuses with the database failure (degraded core). */
export function createDegradedIngestHandlers(failure: Error): IngestHandlers {
  const refuse = () => Promise.reject(failure)
  return {
    'integrations:list': refuse,
    'integrations:get': refuse,
    'integrations:create': refuse,
    'integrations:update': refuse,
    'integrations:duplicate': refuse,
    'integrations:delete': refuse,
    'integrations:launch': refuse,
    'integrations:preview': refuse,
    'integrations:apply': refuse,
    'integrations:run-now': refuse,
    'plans:get': refuse,
    'plans:list-items': refuse,
    'people:list': refuse,
    'people:get': refuse,
    'people:columns': refuse,
    'saas-users:list': refuse,
    'saas-users:get': refuse,
    'saas-users:columns': refuse,
    'runs:list': refuse,
    'runs:get': refuse,
    'runs:cancel': refuse,
    'runs:allow-held': refuse,
    'roles:list': refuse,
    'roles:create': refuse,
    'roles:rename': refuse,
    'roles:delete': refuse
  }
}
