/**
 * Tiny node:http servers on 127.0.0.1:0 for precise wire scenarios, and helpers shared by the
 * Webex client unit tests. Every request is recorded with its arrival time and headers.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWebexClient, type WebexClientOptions } from '../../../electron/core/webex/client'
import type { TokenProvider } from '../../../electron/core/webex/auth'

export type Recorded = {
  seq: number
  method: string
  url: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: string
  at: number
}

export type Handler = (req: Recorded, res: http.ServerResponse) => unknown

export type WireServer = {
  base: string
  origin: string
  requests: Recorded[]
  close(): Promise<void>
}

export async function startServer(handler: Handler): Promise<WireServer> {
  const requests: Recorded[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x')
      const rec: Recorded = {
        seq: requests.length + 1,
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now()
      }
      requests.push(rec)
      Promise.resolve(handler(rec, res)).catch((e: unknown) => {
        res.statusCode = 599
        res.end(String(e))
      })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    base: `${origin}/v1`,
    origin,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

export function json(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

/** Sends the headers and half the body, then destroys the socket. */
export function resetMidBody(res: http.ServerResponse, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text))
  })
  res.write(text.slice(0, Math.floor(text.length / 2)), () => res.destroy())
}

export const person = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `P${n}`,
  emails: [`user${n}@example.com`],
  displayName: `User ${n}`,
  firstName: 'User',
  lastName: String(n),
  orgId: 'ORG',
  ...extra
})

export const staticTokens = (token = 'tok-1'): TokenProvider => ({
  getAccessToken: () => Promise.resolve(token)
})

/** Fast retry settings: tests wait milliseconds, not seconds. */
export const FAST_RETRY = {
  baseDelayMs: 5,
  maxDelayMs: 20,
  defaultRetryAfterMs: 50,
  requestTimeoutMs: 2000
}

export function clientFor(
  server: WireServer,
  extra: Partial<WebexClientOptions> = {}
): ReturnType<typeof createWebexClient> {
  return createWebexClient({
    baseUrl: server.base,
    tokens: staticTokens(),
    retry: FAST_RETRY,
    ...extra
  })
}

export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}
