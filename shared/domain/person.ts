/** The organization's own record of a person, as the renderer sees it. */
import { z } from 'zod'
import { ColumnInfo } from './list-query'

export const PersonId = z.string().min(1).max(64)

/** Values of custom fields written by a mapping (`custom.<name>` targets). */
export const CustomValues = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()])
)

export const PersonRecord = z.object({
  id: PersonId,
  username: z.string().nullable(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  role: z.string().nullable(),
  webexId: z.string().nullable(),
  webexOrgId: z.string().nullable(),
  webexStatus: z.string().nullable(),
  webexType: z.string().nullable(),
  webexCreated: z.string().nullable(),
  webexLastModified: z.string().nullable(),
  invitePending: z.boolean().nullable(),
  /** "User Load Connector Sync Time": when a run last created or updated this record. */
  syncTime: z.string().nullable(),
  custom: CustomValues,
  integrationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type PersonRecord = z.infer<typeof PersonRecord>

export const HistoryEntry = z.object({
  recordType: z.enum(['person', 'saas-user']),
  recordId: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  runId: z.string().nullable(),
  at: z.string()
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

export const PeopleColumns = z.array(ColumnInfo)
