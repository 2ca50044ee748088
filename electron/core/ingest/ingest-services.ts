/**
 * Composition of the ingest side of the core (issue 4): repositories, the integrations and roles
 * services, the runner, list/detail queries, and run/plan queries. core.ts builds one of these.
 */
import type { z } from 'zod'
import type { ListPlanItemsInput } from '../../../shared/domain/plan'
import type { GetRunInput, ListRunsInput, Run, RunProgress } from '../../../shared/domain/run'
import { AppError } from '../errors'
import type { Logger } from '../log/logger'
import type { Db } from '../store/db'
import { createHistoryRepo, createRawPeopleRepo } from '../store/repositories/history-repo'
import {
  createIntegrationsRepo,
  type IntegrationRecord
} from '../store/repositories/integrations-repo'
import { createCustomFieldsRepo } from '../store/repositories/custom-fields-repo'
import { createPeopleRepo } from '../store/repositories/people-repo'
import { createPlansRepo } from '../store/repositories/plans-repo'
import { createRolesRepo } from '../store/repositories/roles-repo'
import { createRunLockRepo } from '../store/repositories/run-lock-repo'
import { createRunsRepo, toRunDto } from '../store/repositories/runs-repo'
import { createSaasUsersRepo, saasRecordOf } from '../store/repositories/saas-users-repo'
import type { WebexClient } from '../webex'
import { planSummary } from './apply-plan'
import { createIntegrationsService } from './integrations-service'
import { createRecordsService } from './records-service'
import { createRolesService } from './roles-service'
import { createRunner } from './runner'
import { createMappingService } from '../mapping/mapping-service'

import type { OutagePolicy } from '../sync/outage'
import { createWebexNamesRepo } from '../store/repositories/webex-names-repo'

export type IngestDeps = {
  db: Db
  logger: Logger
  now: () => Date
  clientFor: (i: IntegrationRecord) => WebexClient
  onProgress: (p: RunProgress) => void
  onFinished: (run: Run) => void
  onIntegrationsChanged: () => void
  nextRunAt: (i: IntegrationRecord) => string | null
  pageSize?: number
  outage?: OutagePolicy
  pagesPerCommit?: number
  networkBoundWaitMs?: number
  progressIntervalMs?: number
  /** See RunnerDeps.deferRecovery. */
  deferRecovery?: boolean
}

export function createIngestServices(d: IngestDeps) {
  const repos = {
    people: createPeopleRepo(d.db),
    saas: createSaasUsersRepo(d.db),
    history: createHistoryRepo(d.db),
    raw: createRawPeopleRepo(d.db),
    runs: createRunsRepo(d.db),
    plans: createPlansRepo(d.db),
    lock: createRunLockRepo(d.db),
    webexNames: createWebexNamesRepo(d.db),
    integrations: createIntegrationsRepo(d.db),
    roles: createRolesRepo(d.db)
  }
  const customFields = createCustomFieldsRepo(d.db)
  const integrations = createIntegrationsService({
    repo: repos.integrations,
    roles: repos.roles,
    runs: repos.runs,
    customFields: customFields.list,
    now: d.now,
    nextRunAt: (i) => d.nextRunAt(i),
    onChange: d.onIntegrationsChanged
  })
  const runner = createRunner({
    db: d.db,
    repos,
    clientFor: d.clientFor,
    logger: d.logger,
    now: d.now,
    onProgress: d.onProgress,
    onFinished: (run) => {
      d.onFinished(run)
      d.onIntegrationsChanged()
    },
    pageSize: d.pageSize,
    outage: d.outage,
    pagesPerCommit: d.pagesPerCommit,
    networkBoundWaitMs: d.networkBoundWaitMs,
    progressIntervalMs: d.progressIntervalMs,
    deferRecovery: d.deferRecovery
  })
  const runs = {
    list: (q: z.output<typeof ListRunsInput>) =>
      repos.runs.list(q.integrationId ?? null, q.limit, q.offset),
    detail(q: z.output<typeof GetRunInput>) {
      const run = repos.runs.get(q.id)
      if (!run) throw new AppError('NOT_FOUND', 'That run no longer exists.')
      const now = d.now()
      return {
        run: toRunDto(run),
        items: repos.runs.items(q.id, q.itemsOutcome ?? null, q.itemsLimit, q.itemsOffset),
        pages: repos.runs.pages(q.id),
        held: {
          rows: repos.saas.heldRows(q.id, q.heldLimit, q.heldOffset).map((r) => {
            const s = saasRecordOf(r, now)
            return {
              saasUserId: s.id,
              webexId: s.webexId,
              email: s.email,
              displayName: s.displayName
            }
          }),
          total: run.heldMarks
        }
      }
    },
    get: (id: string) => {
      const r = repos.runs.get(id)
      return r ? toRunDto(r) : null
    }
  }
  const plans = {
    summary: (planId: string) => planSummary(repos, planId),
    items(q: z.output<typeof ListPlanItemsInput>) {
      if (!repos.plans.get(q.planId)) throw new AppError('NOT_FOUND', 'That plan no longer exists.')
      return repos.plans.items(q.planId, q.action ?? null, q.limit, q.offset)
    }
  }
  return {
    repos,
    integrations,
    roles: createRolesService({ repo: repos.roles, integrations: repos.integrations, now: d.now }),
    records: createRecordsService({ db: d.db, history: repos.history, now: d.now }),
    runner,
    runs,
    plans,
    mapping: createMappingService({
      db: d.db,
      now: d.now,
      integrations: repos.integrations,
      roles: repos.roles,
      people: repos.people,
      saas: repos.saas,
      onIntegrationsChanged: d.onIntegrationsChanged
    })
  }
}
export type IngestServices = ReturnType<typeof createIngestServices>
