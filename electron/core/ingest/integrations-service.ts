/** Integrations: create, edit, duplicate, delete and launch; the DTO adds readiness and run info. */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import {
  CreateIntegrationInput,
  integrationReadiness,
  syncKeyProblems,
  type DuplicateIntegrationInput,
  type Integration,
  type SyncKeyCustomField,
  type SyncKeys,
  type UpdateIntegrationInput
} from '../../../shared/domain/integration'
import { defaultMapping } from '../../../shared/domain/mapping'
import { AppError } from '../errors'
import type { IntegrationRecord, IntegrationsRepo } from '../store/repositories/integrations-repo'
import type { RolesRepo } from '../store/repositories/roles-repo'
import type { RunsRepo } from '../store/repositories/runs-repo'

export type IntegrationsServiceDeps = {
  repo: IntegrationsRepo
  roles: RolesRepo
  runs: RunsRepo
  /** The custom fields, for sync keys on custom person fields. */
  customFields: () => readonly SyncKeyCustomField[]
  now: () => Date
  /** The scheduler's next run time for a launched integration. */
  nextRunAt: (i: IntegrationRecord) => string | null
  onChange: () => void
}

type CreateParsed = z.output<typeof CreateIntegrationInput>
type UpdateParsed = z.output<typeof UpdateIntegrationInput>
type DuplicateParsed = z.output<typeof DuplicateIntegrationInput>

/** "Employee" when the list has it (the seed), else the first role. */
const defaultRoleName = (names: string[]) =>
  names.find((n) => n.toLowerCase() === 'employee') ?? names[0] ?? 'Employee'

export function createIntegrationsService(d: IntegrationsServiceDeps) {
  const roleNames = () => d.roles.list().map((r) => r.name)
  const readiness = (i: IntegrationRecord) => integrationReadiness(i, roleNames(), d.customFields())
  /** A sync key on a missing or non-unique custom field is refused outright, even in a draft. */
  const mustHaveUsableKeys = (keys: SyncKeys) => {
    const problems = syncKeyProblems(keys, d.customFields())
    if (problems.length > 0) throw new AppError('BAD_REQUEST', `${problems.join('; ')}.`)
  }
  const toDto = (i: IntegrationRecord): Integration => {
    const { lastScheduledAt: _l, ...rest } = i
    return {
      ...rest,
      readiness: readiness(i),
      nextRunAt: i.status === 'launched' ? d.nextRunAt(i) : null,
      lastRun: d.runs.lastRun(i.id)
    }
  }
  const mustGet = (id: string) => {
    const i = d.repo.get(id)
    if (!i) throw new AppError('NOT_FOUND', 'That integration no longer exists.')
    return i
  }
  const changed = <T>(v: T): T => {
    d.onChange()
    return v
  }

  function create(input: CreateParsed): Integration {
    mustHaveUsableKeys(input.syncKeys)
    const now = d.now().toISOString()
    const record: IntegrationRecord = {
      id: randomUUID(),
      name: input.name,
      credentialId: input.credentialId,
      scope: input.scope,
      preference: input.preference,
      schedule: input.schedule,
      syncKeys: input.syncKeys,
      filters: input.filters,
      mapping: input.mapping ?? defaultMapping(defaultRoleName(roleNames())),
      notInWebexThreshold: input.notInWebexThreshold,
      status: 'draft',
      lastScheduledAt: null,
      createdAt: now,
      updatedAt: now
    }
    d.repo.insert(record)
    return changed(toDto(record))
  }

  function update(input: UpdateParsed): Integration {
    const current = mustGet(input.id)
    if (input.syncKeys) mustHaveUsableKeys(input.syncKeys)
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))
    const next: IntegrationRecord = { ...current, ...patch, updatedAt: d.now().toISOString() }
    // An edit that breaks readiness sends a launched integration back to draft.
    if (next.status === 'launched' && !readiness(next).ready) next.status = 'draft'
    d.repo.replace(next)
    return changed(toDto(next))
  }

  function duplicate(input: DuplicateParsed): Integration {
    const src = mustGet(input.id)
    let name = input.name ?? `${src.name} (copy)`
    for (let n = 2; !input.name && d.repo.getByName(name); n++) name = `${src.name} (copy ${n})`
    const now = d.now().toISOString()
    const copy: IntegrationRecord = {
      ...src,
      id: randomUUID(),
      name,
      status: 'draft',
      lastScheduledAt: null,
      createdAt: now,
      updatedAt: now
    }
    d.repo.insert(copy)
    return changed(toDto(copy))
  }

  function launch(id: string): Integration {
    const i = mustGet(id)
    const r = readiness(i)
    if (!r.ready) throw new AppError('BAD_REQUEST', `Not ready to launch: ${r.missing.join('; ')}`)
    const next: IntegrationRecord = { ...i, status: 'launched', updatedAt: d.now().toISOString() }
    d.repo.replace(next)
    return changed(toDto(next))
  }

  return {
    list: () => d.repo.list().map(toDto),
    get: (id: string) => toDto(mustGet(id)),
    record: mustGet,
    create: (input: z.input<typeof CreateIntegrationInput>) =>
      create(CreateIntegrationInput.parse(input)),
    update,
    duplicate,
    remove(id: string) {
      if (!d.repo.remove(id)) throw new AppError('NOT_FOUND', 'That integration no longer exists.')
      return changed({ deleted: true as const })
    },
    launch,
    setLastScheduledAt: (id: string, at: string) => d.repo.setLastScheduledAt(id, at)
  }
}
export type IntegrationsService = ReturnType<typeof createIntegrationsService>
