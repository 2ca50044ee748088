/**
 * The contract between the renderer (through the preload or the test host) and the core: every request
 * channel with its input and output schema, every event channel with its payload schema. Names are
 * `domain:verb`. The core's handler map is typed against `requestContract`, so a missing handler fails
 * to compile; transports validate inputs against it before anything runs.
 */
import { z } from 'zod'
import type { EventChannel, RequestChannel } from './channels'
import { AppStatus } from './app-status'
import { MaintenanceResult, RunMaintenanceInput } from './maintenance'
import {
  CreateCredentialInput,
  Credential,
  CredentialId,
  UpdateCredentialInput
} from '../domain/credential'
import {
  CreateIntegrationInput,
  DuplicateIntegrationInput,
  Integration,
  IntegrationId,
  UpdateIntegrationInput
} from '../domain/integration'
import { ListQuery } from '../domain/list-query'
import { HistoryEntry, PeopleColumns, PersonId, PersonRecord } from '../domain/person'
import { ListPlanItemsInput, PlanId, PlanItem, PlanSummary } from '../domain/plan'
import { CreateRoleInput, RenameRoleInput, RoleDto, RoleId } from '../domain/role'
import {
  GetRunInput,
  ListRunsInput,
  Run,
  RunDetail,
  RunId,
  RunProgress,
  RunSummary
} from '../domain/run'
import { SaasUserId, SaasUserRecord } from '../domain/saas-user'
import {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldKey,
  DeleteCustomFieldInput,
  DeleteCustomFieldResult,
  FieldImpact,
  TargetField,
  UpdateCustomFieldInput
} from '../domain/custom-field'
import {
  ApiField,
  ApiFieldId,
  CheckSyncKeysInput,
  EvaluateExpressionInput,
  EvaluateExpressionResult,
  ImpactInput,
  ImpactResult,
  ListSourcesInput,
  SmartMappingInput,
  SmartMappingResult,
  SourceList,
  SyncKeyCheck,
  SaveApiFieldInput,
  ValidateMappingInput,
  ValidationResult
} from '../domain/mapping-studio'

const none = z.undefined()
const byId = z.object({ id: CredentialId })
const deleted = z.object({ deleted: z.literal(true) })
const integrationById = z.object({ id: IntegrationId })
const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int() })

export const requestContract = {
  'app:get-status': { input: none, output: AppStatus },
  /** Replaces a damaged database with its newest backup (the damaged file is kept beside it). */
  'app:restore-backup': { input: none, output: z.object({ restored: z.literal(true) }) },
  /** Runs the daily backup / weekly integrity check now if due (or `force`); not during a run. */
  'app:run-maintenance': { input: RunMaintenanceInput, output: MaintenanceResult },
  'credentials:list': { input: none, output: z.array(Credential) },
  'credentials:create': { input: CreateCredentialInput, output: Credential },
  'credentials:update': { input: UpdateCredentialInput, output: Credential },
  'credentials:delete': { input: byId, output: z.object({ deleted: z.literal(true) }) },
  /** Runs the OAuth authorization-code flow with PKCE in the system browser; resolves when it ends. */
  'credentials:authenticate': { input: byId, output: Credential },
  'credentials:cancel-authentication': {
    input: byId,
    output: z.object({ cancelled: z.boolean() })
  },
  /** Calls /people/me with the stored token (refreshing it if due) and records who it is. */
  'credentials:verify': { input: byId, output: Credential },
  /** Starts the built-in demo organization (the simulator, inside the core) and its demo credential. */
  'demo:start': { input: none, output: Credential },

  // Integrations (issue 4): configure, launch, preview/apply, run now.
  'integrations:list': { input: none, output: z.array(Integration) },
  'integrations:get': { input: integrationById, output: Integration },
  'integrations:create': { input: CreateIntegrationInput, output: Integration },
  'integrations:update': { input: UpdateIntegrationInput, output: Integration },
  'integrations:duplicate': { input: DuplicateIntegrationInput, output: Integration },
  'integrations:delete': { input: integrationById, output: deleted },
  /** Activates a ready integration (BAD_REQUEST listing what is missing otherwise). */
  'integrations:launch': { input: integrationById, output: Integration },
  /** Dry run: reads Webex, stores the full plan, resolves when it is computed. Works on drafts too. */
  'integrations:preview': { input: integrationById, output: PlanSummary },
  /** Executes a stored plan; CONFLICT when the store changed since the preview (stale). */
  'integrations:apply': { input: z.object({ planId: PlanId }), output: Run },
  /** Starts a sync and answers at once with the running run; follow it with runs:progress/finished. */
  'integrations:run-now': { input: integrationById, output: Run },
  'plans:get': { input: z.object({ planId: PlanId }), output: PlanSummary },
  'plans:list-items': { input: ListPlanItemsInput, output: pageOf(PlanItem) },

  // Records.
  'people:list': { input: ListQuery, output: pageOf(PersonRecord) },
  'people:get': {
    input: z.object({ id: PersonId }),
    output: z.object({
      person: PersonRecord,
      saasUser: SaasUserRecord.nullable(),
      history: z.array(HistoryEntry)
    })
  },
  'people:columns': { input: none, output: PeopleColumns },
  'saas-users:list': { input: ListQuery, output: pageOf(SaasUserRecord) },
  'saas-users:get': {
    input: z.object({ id: SaasUserId }),
    output: z.object({
      saasUser: SaasUserRecord,
      person: PersonRecord.nullable(),
      history: z.array(HistoryEntry)
    })
  },
  'saas-users:columns': { input: none, output: PeopleColumns },

  // Runs.
  'runs:list': { input: ListRunsInput, output: pageOf(RunSummary) },
  'runs:get': { input: GetRunInput, output: RunDetail },
  /** Takes effect at the next page boundary. */
  'runs:cancel': { input: z.object({ id: RunId }), output: z.object({ cancelled: z.boolean() }) },
  /** Applies "not in Webex" marks a run held above the threshold; needs explicit confirmation. */
  'runs:allow-held': { input: z.object({ id: RunId, confirm: z.literal(true) }), output: Run },

  // Roles list (the mandatory Role mapping picks one).
  'roles:list': { input: none, output: z.array(RoleDto) },
  'roles:create': { input: CreateRoleInput, output: RoleDto },
  'roles:rename': { input: RenameRoleInput, output: RoleDto },
  /** CONFLICT while an integration's mapping uses the role. */
  'roles:delete': { input: z.object({ id: RoleId }), output: deleted },

  // Mapping studio (issue 5). Samples and the impact preview use the last read: no Webex call.
  /** Every source field (standard, other Webex fields, custom API fields) with sample values. */
  'mapping:sources': { input: ListSourcesInput, output: SourceList },
  /** Every target field (built-in and custom; People and SaaS user). */
  'mapping:targets': { input: none, output: z.array(TargetField) },
  /** Smart Mapping: a complete proposal with reasons and confidence; keeps the admin's entries. */
  'mapping:smart': { input: SmartMappingInput, output: SmartMappingResult },
  /** Evaluates a path/template/constant on sample people: values, or the error's position. */
  'mapping:evaluate': { input: EvaluateExpressionInput, output: EvaluateExpressionResult },
  /** Mandatory mappings and type checks, in plain words per target field. */
  'mapping:validate': { input: ValidateMappingInput, output: ValidationResult },
  /** Sync keys: unique fields only; warns on duplicate or empty values in the last read. */
  'mapping:check-sync-keys': { input: CheckSyncKeysInput, output: SyncKeyCheck },
  /** What a draft mapping / sync keys / filters would do to the current data (the sync's own planner). */
  'mapping:impact': { input: ImpactInput, output: ImpactResult },
  'api-fields:list': { input: none, output: z.array(ApiField) },
  /** Create or edit; BAD_REQUEST with the position for a bad expression. */
  'api-fields:save': { input: SaveApiFieldInput, output: ApiField },
  'api-fields:delete': { input: z.object({ id: ApiFieldId }), output: deleted },
  'custom-fields:list': { input: none, output: z.array(CustomField) },
  'custom-fields:create': { input: CreateCustomFieldInput, output: CustomField },
  /** What renaming or deleting the field would touch. */
  'custom-fields:impact': { input: z.object({ key: CustomFieldKey }), output: FieldImpact },
  /** Rename / options / unique; CONFLICT unless `confirm: true` when records hold values. */
  'custom-fields:update': { input: UpdateCustomFieldInput, output: CustomField },
  /** CONFLICT unless `confirm: true` when records hold values or a mapping fills the field. */
  'custom-fields:delete': { input: DeleteCustomFieldInput, output: DeleteCustomFieldResult }
} as const satisfies Record<RequestChannel, { input: z.ZodType; output: z.ZodType }>

export const eventContract = {
  'credentials:changed': z.object({ credentials: z.array(Credential) }),
  'app:status-changed': AppStatus,
  /** At most ~5 per second per run. */
  'runs:progress': RunProgress,
  'runs:finished': z.object({ run: Run }),
  'integrations:changed': z.object({ integrations: z.array(Integration) })
} as const satisfies Record<EventChannel, z.ZodType>

export type RequestInput<C extends RequestChannel> = z.input<(typeof requestContract)[C]['input']>
export type ParsedInput<C extends RequestChannel> = z.output<(typeof requestContract)[C]['input']>
export type RequestOutput<C extends RequestChannel> = z.output<
  (typeof requestContract)[C]['output']
>
export type EventPayload<E extends EventChannel> = z.output<(typeof eventContract)[E]>
