/** Every schema step, oldest first. Append only; `LATEST_SCHEMA_VERSION` follows the last entry. */
import { m0010Foundation } from './0010-foundation'
import { m0020Ingest } from './0020-ingest'
import { m0030CustomFields } from './0030-custom-fields'
import { m0040SaasCustom } from './0040-saas-custom'
import { m0050CreatedRun } from './0050-created-run'
import { m0060PlanStateTriggers } from './0060-plan-state-triggers'
import { m0070RawJsonApart } from './0070-raw-json-apart'
import type { Migration } from './types'

export type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [
  m0010Foundation,
  m0020Ingest,
  m0030CustomFields,
  m0040SaasCustom,
  m0050CreatedRun,
  m0060PlanStateTriggers,
  m0070RawJsonApart
]

export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.at(-1)?.version ?? 0

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS)
