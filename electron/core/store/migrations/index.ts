/** Every schema step, oldest first. Append only; `LATEST_SCHEMA_VERSION` follows the last entry. */
import { m0010Foundation } from './0010-foundation'
import type { Migration } from './types'

export type { Migration } from './types'

export const MIGRATIONS: readonly Migration[] = [m0010Foundation]

export const latestVersion = (migrations: readonly Migration[]): number =>
  migrations.at(-1)?.version ?? 0

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS)
