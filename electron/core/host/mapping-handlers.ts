/** Handlers of the mapping studio channels (issue 5): sources, targets, custom fields, API fields. */
import type { MappingService } from '../mapping/mapping-service'
import { asPromise, type HandlerMap } from './dispatch'

export type MappingChannel =
  `mapping:${string}` | `api-fields:${string}` | `custom-fields:${string}`
type MappingHandlers = {
  [C in keyof HandlerMap as C extends MappingChannel ? C : never]: HandlerMap[C]
}

export function createMappingHandlers(s: MappingService): MappingHandlers {
  const p = asPromise
  return {
    'mapping:sources': (q) => p(() => s.sources(q)),
    'mapping:targets': () => p(() => s.targets()),
    'mapping:smart': (q) => p(() => s.smart(q)),
    'mapping:evaluate': (q) => p(() => s.evaluate(q)),
    'mapping:validate': (q) => p(() => s.validate(q)),
    'mapping:check-sync-keys': (q) => p(() => s.checkSyncKeys(q)),
    'mapping:impact': (q) => p(() => s.impact(q)),
    'api-fields:list': () => p(() => s.apiFields.list()),
    'api-fields:save': (q) => p(() => s.apiFields.save(q)),
    'api-fields:delete': ({ id }) => p(() => s.apiFields.remove(id)),
    'custom-fields:list': () => p(() => s.customFields.list()),
    'custom-fields:create': (q) => p(() => s.customFields.create(q)),
    'custom-fields:impact': ({ key }) => p(() => s.customFields.impact(key)),
    'custom-fields:update': (q) => p(() => s.customFields.update(q)),
    'custom-fields:delete': ({ key, confirm }) =>
      p(() => s.customFields.remove(key, confirm === true))
  }
}

/** Every mapping channel refuses with the database failure (degraded core). */
export function createDegradedMappingHandlers(failure: Error): MappingHandlers {
  const refuse = () => Promise.reject(failure)
  return {
    'mapping:sources': refuse,
    'mapping:targets': refuse,
    'mapping:smart': refuse,
    'mapping:evaluate': refuse,
    'mapping:validate': refuse,
    'mapping:check-sync-keys': refuse,
    'mapping:impact': refuse,
    'api-fields:list': refuse,
    'api-fields:save': refuse,
    'api-fields:delete': refuse,
    'custom-fields:list': refuse,
    'custom-fields:create': refuse,
    'custom-fields:impact': refuse,
    'custom-fields:update': refuse,
    'custom-fields:delete': refuse
  }
}
