/**
 * The HTTP server: reads each request, numbers and records it, routes it, applies the write-time
 * faults (slow, reset mid-body) and stamps a tracking ID on every response, success or error.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { RecordedRequest } from '../types'
import { error } from './respond'
import { isOAuthPath, route } from './router'
import type { SimRequest, SimResponse, SimState } from './types'

export type RequestLog = { list: RecordedRequest[] }

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  return m?.[1] ?? null
}

export function createSimServer(state: SimState, log: RequestLog, approveAsId: string): Server {
  let seq = 0
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const record: RecordedRequest = {
      seq: ++seq,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      at: Date.now(),
      token: bearer(req),
      status: 0
    }
    log.list.push(record)
    state.faults.seen(record.seq)
    const simReq: SimRequest = {
      seq: record.seq,
      method: record.method,
      path: url.pathname,
      url: record.url,
      query: url.searchParams,
      headers: req.headers,
      body,
      token: record.token
    }
    const trackingId = `ROUTER_SIM_${randomBytes(8).toString('hex')}_${record.seq}`
    let out: SimResponse
    try {
      out = route(simReq, state, trackingId, approveAsId)
    } catch (e) {
      out = error(500, `Simulator bug: ${e instanceof Error ? e.message : String(e)}`, trackingId)
    }
    record.status = out.status
    const faultable = !isOAuthPath(simReq.path)
    const delay = faultable ? state.faults.delayMs() : 0
    if (delay > 0) await sleep(delay)
    const reset = faultable && state.faults.shouldResetMidBody(simReq)
    write(res, out, trackingId, reset)
  }
  return createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
}

function write(res: ServerResponse, out: SimResponse, trackingId: string, reset: boolean): void {
  const body =
    out.body === undefined || Buffer.isBuffer(out.body) ? out.body : Buffer.from(out.body, 'utf8')
  const headers: Record<string, string | number> = { ...out.headers, trackingid: trackingId }
  if (body) headers['content-length'] = body.length
  res.writeHead(out.status, headers)
  if (reset) {
    // Promise the full length, deliver half, then drop the connection: the client sees a short body.
    const half = body ? body.subarray(0, Math.floor(body.length / 2)) : Buffer.alloc(0)
    res.flushHeaders()
    res.write(half, () => res.socket?.destroy())
    return
  }
  res.end(body)
}
