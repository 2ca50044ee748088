import { describe, expect, it } from 'vitest'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../shared/contract/channels'
import { eventContract, requestContract } from '../../../shared/contract/contract'
import { ERROR_CODES } from '../../../shared/contract/envelope'

describe('the contract', () => {
  it('lists exactly the channels it defines, in the zod-free list the preload uses', () => {
    expect([...REQUEST_CHANNELS].sort()).toEqual(Object.keys(requestContract).sort())
    expect([...EVENT_CHANNELS].sort()).toEqual(Object.keys(eventContract).sort())
  })

  it('names every channel domain:verb', () => {
    for (const c of [...REQUEST_CHANNELS, ...EVENT_CHANNELS]) expect(c).toMatch(/^[a-z-]+:[a-z-]+$/)
  })

  it('has unique, upper-case error codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length)
    for (const c of ERROR_CODES) expect(c).toMatch(/^[A-Z_]+$/)
  })

  it('never accepts a secret in a channel that returns one', () => {
    // Outputs are what reaches the renderer: no schema may have a field named like a secret.
    const secretish = /secret|token|password/i
    const visit = (shape: unknown, path: string): string[] => {
      if (!shape || typeof shape !== 'object') return []
      const def = (
        shape as {
          def?: {
            type?: string
            shape?: Record<string, unknown>
            element?: unknown
            options?: unknown[]
            innerType?: unknown
          }
        }
      ).def
      if (!def) return []
      if (def.type === 'object' && def.shape)
        return Object.entries(def.shape).flatMap(([k, v]) =>
          (secretish.test(k) && !/^has|ExpiresAt$/.test(k) ? [`${path}.${k}`] : []).concat(
            visit(v, `${path}.${k}`)
          )
        )
      if (def.type === 'array') return visit(def.element, path + '[]')
      if (def.options) return def.options.flatMap((o) => visit(o, path))
      if (def.innerType) return visit(def.innerType, path)
      return []
    }
    const leaks = Object.entries(requestContract).flatMap(([c, s]) => visit(s.output, c))
    expect(leaks).toEqual([])
  })
})
