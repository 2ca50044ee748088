import { afterEach, describe, expect, it } from 'vitest'
import { ReauthorizationRequiredError } from '../../../electron/core/webex/errors'
import { clientFor, json, person, startServer, type WireServer } from './wire'

let server: WireServer | undefined
afterEach(async () => server?.close())

/** Accepts only `valid`; everything else is 401. */
async function serverAccepting(valid: () => string) {
  return startServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${valid()}`) {
      return json(res, 401, { message: 'expired', trackingId: 'ROUTER_401' })
    }
    json(res, 200, person(1))
  })
}

describe('401 → single-flight refresh (S16, F10)', () => {
  it('N concurrent 401s produce exactly one refresh, then every call succeeds', async () => {
    server = await serverAccepting(() => 'new')
    let refreshes = 0
    const client = clientFor(server, {
      tokens: {
        getAccessToken: () => Promise.resolve('old'),
        refresh: async (rejected) => {
          refreshes++
          expect(rejected).toBe('old')
          await new Promise((r) => setTimeout(r, 30))
          return 'new'
        }
      }
    })
    const results = await Promise.all(Array.from({ length: 12 }, () => client.getPerson('P1')))
    expect(results.every((p) => p.id === 'P1')).toBe(true)
    expect(refreshes).toBe(1)
    const afterRefresh = server.requests.filter((r) => r.headers.authorization === 'Bearer new')
    expect(afterRefresh).toHaveLength(12)
    // A later 401-free call uses the new token directly.
    await client.getPerson('P1')
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer new')
    client.close()
  })

  it('a failed refresh is ReauthorizationRequiredError, and later calls do not refresh again', async () => {
    server = await serverAccepting(() => 'never')
    let refreshes = 0
    const client = clientFor(server, {
      tokens: {
        getAccessToken: () => Promise.resolve('old'),
        refresh: () => {
          refreshes++
          return Promise.reject(new Error('invalid_grant'))
        }
      }
    })
    const all = await Promise.allSettled([client.getPerson('P1'), client.getPerson('P1')])
    for (const r of all) {
      expect(r.status).toBe('rejected')
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ReauthorizationRequiredError)
    }
    await expect(client.getMe()).rejects.toBeInstanceOf(ReauthorizationRequiredError)
    expect(refreshes).toBe(1)
    client.close()
  })

  it('no refresh function → ReauthorizationRequiredError with the tracking id', async () => {
    server = await serverAccepting(() => 'never')
    const client = clientFor(server)
    const err = await client.getMe().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ReauthorizationRequiredError)
    expect((err as ReauthorizationRequiredError).trackingId).toBe('ROUTER_401')
    expect((err as ReauthorizationRequiredError).code).toBe('REAUTH_REQUIRED')
    client.close()
  })

  it('401 again after a refresh → ReauthorizationRequiredError after exactly one retry', async () => {
    server = await serverAccepting(() => 'never')
    let refreshes = 0
    const client = clientFor(server, {
      tokens: {
        getAccessToken: () => Promise.resolve('old'),
        refresh: () => {
          refreshes++
          return Promise.resolve('new-but-also-bad')
        }
      }
    })
    await expect(client.getMe()).rejects.toBeInstanceOf(ReauthorizationRequiredError)
    expect(refreshes).toBe(1)
    expect(server.requests).toHaveLength(2)
    client.close()
  })
})
