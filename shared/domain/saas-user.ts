/** A person's account in a SaaS app (here Webex), linked to their person record. */
import { z } from 'zod'
import { CustomValues } from './person'

export const SaasUserId = z.string().min(1).max(64)

export const SaasUserRecord = z.object({
  id: SaasUserId,
  personId: z.string().nullable(),
  app: z.literal('webex'),
  webexId: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  /** Role names resolved from /roles (ids kept when a name is unknown). */
  roles: z.array(z.string()),
  status: z.string().nullable(),
  lastActivity: z.string().nullable(),
  /** Whole days since lastActivity, computed at read time; null without activity. */
  daysSinceActivity: z.number().int().nullable(),
  /** Licence names resolved from /licenses (ids kept when a name is unknown). */
  licenses: z.array(z.string()),
  invitePending: z.boolean().nullable(),
  loginEnabled: z.boolean().nullable(),
  type: z.string().nullable(),
  /** Values of custom SaaS user fields written by a mapping (`saas.custom.<key>` targets). */
  custom: CustomValues,
  /** Absent from the last complete Webex listing (never deleted locally). */
  notInWebex: z.boolean(),
  notInWebexSince: z.string().nullable(),
  syncTime: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type SaasUserRecord = z.infer<typeof SaasUserRecord>
