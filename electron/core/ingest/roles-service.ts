/** The roles list: seeded with Employee, Contractor, Administrator; a role in use cannot be deleted. */
import { randomUUID } from 'node:crypto'
import type { RoleDto } from '../../../shared/domain/role'
import { AppError } from '../errors'
import type { IntegrationsRepo } from '../store/repositories/integrations-repo'
import type { RoleRow, RolesRepo } from '../store/repositories/roles-repo'

const roleOf = (mappingRole: { transform?: { kind: string; value?: string } }) =>
  mappingRole.transform?.kind === 'constant' ? (mappingRole.transform.value ?? null) : null

export function createRolesService(d: {
  repo: RolesRepo
  integrations: IntegrationsRepo
  now: () => Date
}) {
  const usage = () => {
    const counts = new Map<string, number>()
    for (const i of d.integrations.list())
      for (const e of i.mapping)
        if (e.target === 'role') {
          const name = roleOf(e)?.toLowerCase()
          if (name) counts.set(name, (counts.get(name) ?? 0) + 1)
        }
    return counts
  }
  const toDto = (r: RoleRow, used = usage()): RoleDto => ({
    id: r.id,
    name: r.name,
    usedBy: used.get(r.name.toLowerCase()) ?? 0,
    createdAt: r.created_at
  })
  const mustGet = (id: string) => {
    const r = d.repo.get(id)
    if (!r) throw new AppError('NOT_FOUND', 'That role no longer exists.')
    return r
  }
  return {
    list: () => {
      const used = usage()
      return d.repo.list().map((r) => toDto(r, used))
    },
    create(name: string): RoleDto {
      const row = { id: randomUUID(), name, created_at: d.now().toISOString() }
      d.repo.insert(row)
      return toDto(row)
    },
    /** Renaming also renames the role in every mapping that assigns it. */
    rename(id: string, name: string): RoleDto {
      const old = mustGet(id)
      d.repo.rename(id, name)
      for (const i of d.integrations.list()) {
        let touched = false
        const mapping = i.mapping.map((e) => {
          if (e.target !== 'role' || roleOf(e)?.toLowerCase() !== old.name.toLowerCase()) return e
          touched = true
          return { ...e, transform: { kind: 'constant' as const, value: name } }
        })
        if (touched) d.integrations.replace({ ...i, mapping, updatedAt: d.now().toISOString() })
      }
      return toDto(mustGet(id))
    },
    remove(id: string) {
      const r = mustGet(id)
      const used = usage().get(r.name.toLowerCase()) ?? 0
      if (used > 0)
        throw new AppError(
          'CONFLICT',
          `"${r.name}" is used by ${used} integration(s); change their Role mapping first.`
        )
      d.repo.remove(id)
      return { deleted: true as const }
    }
  }
}
export type RolesService = ReturnType<typeof createRolesService>
