/** The defined list of roles a person record may hold (the mandatory Role mapping picks one). */
import { z } from 'zod'

export const SEED_ROLES = ['Employee', 'Contractor', 'Administrator'] as const

export const RoleId = z.string().min(1).max(64)
const roleName = z.string().trim().min(1, 'Give the role a name').max(80)

export const RoleDto = z.object({
  id: RoleId,
  name: z.string(),
  /** Integrations whose mapping assigns this role (a used role cannot be deleted). */
  usedBy: z.number().int(),
  createdAt: z.string()
})
export type RoleDto = z.infer<typeof RoleDto>

export const CreateRoleInput = z.object({ name: roleName })
export const RenameRoleInput = z.object({ id: RoleId, name: roleName })
