/**
 * One HTTP exchange over node:http/https with keep-alive. The whole body is read before the call
 * resolves, so a connection reset halfway through a page surfaces as an error and nothing partial is
 * ever parsed (reliability.md F6). node:http rather than fetch: fewer layers per 1 MB page and an
 * explicit `complete` flag for truncated bodies.
 */
import http from 'node:http'
import https from 'node:https'
import { gunzipSync } from 'node:zlib'
import { WebexAbortedError, WebexNetworkError } from './errors'

export type TransportRequest = {
  method: string
  url: URL
  headers: Record<string, string>
  body?: string
  timeoutMs: number
  signal?: AbortSignal
}

export type TransportResponse = {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body as text, decoded on first use (see `withLazyBody`). */
  readonly body: string
  /** The body as received (after gunzip). */
  bytes: Buffer
}

/**
 * Gives `target` a `body` decoded from `bytes` on first read. A 1.4 MB people page the sync already
 * knows is scanned as bytes and never decoded whole (docs/benchmarks.md, round 4).
 */
export function withLazyBody<T extends object>(
  target: T,
  bytes: Buffer
): T & { readonly body: string; bytes: Buffer } {
  let text: string | undefined
  return Object.defineProperties(target, {
    bytes: { value: bytes, enumerable: true },
    body: { get: () => (text ??= bytes.toString('utf8')), enumerable: true }
  }) as T & { readonly body: string; bytes: Buffer }
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>

/** Errors that prove the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])

export function createNodeTransport(opts: { maxSockets?: number } = {}): Transport & {
  close(): void
} {
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 8, keepAliveMsecs: 10_000 }
  const httpAgent = new http.Agent(agentOpts)
  const httpsAgent = new https.Agent(agentOpts)

  const transport = (req: TransportRequest): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      if (req.signal?.aborted) return reject(new WebexAbortedError())
      const isHttps = req.url.protocol === 'https:'
      const lib = isHttps ? https : http
      let settled = false
      const fail = (e: Error) => {
        if (settled) return
        settled = true
        cleanup()
        reject(e)
      }
      const headers: Record<string, string> = { ...req.headers }
      if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))

      const r = lib.request(
        req.url,
        { method: req.method, headers, agent: isHttps ? httpsAgent : httpAgent },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('aborted', () =>
            fail(new WebexNetworkError('The connection closed mid-body', 'ECONNRESET', true))
          )
          res.on('error', (e: NodeJS.ErrnoException) => fail(toNetworkError(e, true)))
          res.on('end', () => {
            if (settled) return
            if (!res.complete) {
              return fail(
                new WebexNetworkError('The response body was truncated', 'ECONNRESET', true)
              )
            }
            let buf = Buffer.concat(chunks)
            if (/\bgzip\b/i.test(String(res.headers['content-encoding'] ?? ''))) {
              try {
                buf = gunzipSync(buf)
              } catch (e) {
                return fail(toNetworkError(e as NodeJS.ErrnoException, true))
              }
            }
            settled = true
            cleanup()
            resolve(withLazyBody({ status: res.statusCode ?? 0, headers: res.headers }, buf))
          })
        }
      )
      const timer = setTimeout(() => {
        fail(
          new WebexNetworkError(`No complete answer within ${req.timeoutMs} ms`, 'ETIMEDOUT', true)
        )
        r.destroy()
      }, req.timeoutMs)
      const onAbort = () => {
        fail(new WebexAbortedError())
        r.destroy()
      }
      req.signal?.addEventListener('abort', onAbort, { once: true })
      const cleanup = () => {
        clearTimeout(timer)
        req.signal?.removeEventListener('abort', onAbort)
      }
      r.on('error', (e: NodeJS.ErrnoException) =>
        fail(toNetworkError(e, !NOT_SENT_CODES.has(e.code ?? '')))
      )
      if (req.body !== undefined) r.end(req.body)
      else r.end()
    })

  return Object.assign(transport, {
    close() {
      httpAgent.destroy()
      httpsAgent.destroy()
    }
  })
}

function toNetworkError(e: NodeJS.ErrnoException, maybeProcessed: boolean): WebexNetworkError {
  return new WebexNetworkError(`Network error: ${e.message}`, e.code, maybeProcessed, undefined, {
    cause: e
  })
}
