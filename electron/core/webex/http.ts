/**
 * The request loop every Webex call goes through: origin check, shared rate gate, bearer token with
 * one refresh on 401, tracking id, retries with backoff for reads, none for writes (their callers
 * verify with a GET instead, reliability.md B2.4–B2.6).
 */
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import type { Logger } from '../log/logger'
import { redactString, stripQuery } from '../log/redact'
import type { TokenManager } from './auth'
import {
  ReauthorizationRequiredError,
  RetryExhaustedError,
  WebexAbortedError,
  WebexApiError,
  WebexMalformedResponseError,
  WebexNetworkError
} from './errors'
import { assertSameOrigin } from './origin'
import type { Clock, RateGate } from './rate-gate'
import {
  backoffDelayMs,
  isServerErrorStatus,
  isThrottleStatus,
  parseRetryAfterMs,
  throttleDelayMs,
  type RetryPolicy
} from './retry-policy'
import { ErrorBody } from './schemas'
import { withLazyBody, type Transport, type TransportResponse } from './transport'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export type HttpRequest = {
  method: HttpMethod
  /** Absolute URL on the client's origin. */
  url: string
  body?: unknown
  signal?: AbortSignal
  /**
   * Retry 5xx and network errors that may have reached the server. True for reads. Writes pass false:
   * they are retried only when the server provably did not act (429/423, 401, connection refused).
   */
  idempotent: boolean
  /** GET /people: on a 504, the URL to ask again with a smaller `max`, or null to treat it as a 5xx. */
  on504?: (url: URL) => URL | null
}

export type HttpResult = {
  status: number
  headers: TransportResponse['headers']
  /** Decoded on first read. */
  readonly body: string
  bytes: Buffer
  /** The URL of the attempt that succeeded (may differ from the request after a 504 shrink). */
  url: string
  trackingId: string
  attempts: number
  durationMs: number
}

export type HttpContext = {
  origin: string
  transport: Transport
  tokens: TokenManager
  gate: RateGate
  clock: Clock
  policy: RetryPolicy
  logger: Logger
  userAgent: string
  random: () => number
}

export type HttpClient = {
  send(req: HttpRequest): Promise<HttpResult>
}

export function createHttpClient(ctx: HttpContext): HttpClient {
  const session = randomUUID()
  let seq = 0
  const nextTrackingId = () => `ROSTER_${session}_${++seq}`

  async function send(req: HttpRequest): Promise<HttpResult> {
    let url = assertSameOrigin(req.url, ctx.origin)
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body)
    let token = await ctx.tokens.token()
    let refreshed = false
    let attempts = 0
    let retries = 0
    const started = ctx.clock.now()

    const retryOrThrow = async (
      err: WebexApiError | WebexNetworkError,
      delayMs: number
    ): Promise<void> => {
      if (attempts >= ctx.policy.maxAttempts) throw new RetryExhaustedError(attempts, err)
      ctx.logger.warn('webex.retry', {
        method: req.method,
        url: url.href,
        status: err instanceof WebexApiError ? err.status : undefined,
        errorCode: err instanceof WebexNetworkError ? err.errorCode : undefined,
        trackingId: err.trackingId,
        attempt: attempts,
        delayMs
      })
      retries++
      await ctx.clock.sleep(delayMs, req.signal)
    }

    for (;;) {
      if (req.signal?.aborted) throw new WebexAbortedError()
      await ctx.gate.wait(req.signal)
      attempts++
      const trackingId = nextTrackingId()
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        trackingid: trackingId,
        accept: 'application/json',
        'accept-encoding': 'gzip',
        'user-agent': ctx.userAgent
      }
      if (payload !== undefined) headers['content-type'] = 'application/json; charset=utf-8'

      let res: TransportResponse
      try {
        res = await ctx.transport({
          method: req.method,
          url,
          headers,
          body: payload,
          timeoutMs: ctx.policy.requestTimeoutMs,
          signal: req.signal
        })
      } catch (e) {
        if (e instanceof WebexAbortedError) throw e
        const netErr =
          e instanceof WebexNetworkError
            ? e
            : new WebexNetworkError(`Network error: ${String(e)}`, undefined, true, undefined, {
                cause: e
              })
        const withId = new WebexNetworkError(
          netErr.message,
          netErr.errorCode,
          netErr.maybeProcessed,
          trackingId,
          { cause: netErr.cause }
        )
        // A write that may have reached the server is never re-sent blindly: the caller verifies.
        if (!req.idempotent && withId.maybeProcessed) throw withId
        await retryOrThrow(withId, backoffDelayMs(retries, ctx.policy, ctx.random))
        continue
      }

      const status = res.status
      if (status >= 200 && status < 300) {
        return withLazyBody(
          {
            status,
            headers: res.headers,
            url: url.href,
            trackingId: headerString(res.headers.trackingid) ?? trackingId,
            attempts,
            durationMs: ctx.clock.now() - started
          },
          res.bytes
        )
      }

      const apiErr = toApiError(req.method, url, res, ctx.clock.now(), req.idempotent)

      if (status === 401) {
        if (refreshed) {
          throw new ReauthorizationRequiredError(
            'Webex rejected the refreshed token: sign in again',
            apiErr.trackingId
          )
        }
        refreshed = true
        attempts-- // The rejected attempt was never processed; the one retry after refresh is free.
        token = await ctx.tokens.replacementFor(token, apiErr.trackingId)
        ctx.logger.info('webex.token.refreshed', { trackingId: apiErr.trackingId })
        continue
      }

      if (isThrottleStatus(status)) {
        if (apiErr.retryAfterMs !== undefined && apiErr.retryAfterMs > ctx.policy.maxRetryAfterMs) {
          throw apiErr
        }
        const asked = apiErr.retryAfterMs ?? ctx.policy.defaultRetryAfterMs
        // Every call of this client waits, not only this one.
        ctx.gate.holdFor(asked)
        await retryOrThrow(apiErr, throttleDelayMs(asked, retries, ctx.policy, ctx.random))
        continue
      }

      if (status === 504 && req.on504) {
        const smaller = req.on504(url)
        if (smaller) {
          ctx.logger.warn('webex.page-size.shrunk', {
            url: url.href,
            max: smaller.searchParams.get('max'),
            trackingId: apiErr.trackingId
          })
          url = smaller
          attempts-- // A new page size is a new request, not a retry of the same one.
          continue
        }
      }

      if (isServerErrorStatus(status) && req.idempotent) {
        if (apiErr.retryAfterMs !== undefined) ctx.gate.holdFor(apiErr.retryAfterMs)
        const backoff = backoffDelayMs(retries, ctx.policy, ctx.random)
        await retryOrThrow(apiErr, Math.max(backoff, apiErr.retryAfterMs ?? 0))
        continue
      }

      throw apiErr
    }
  }

  return { send }
}

function headerString(v: string | string[] | undefined): string | undefined {
  if (Array.isArray(v)) return v[0]
  return v === undefined || v === '' ? undefined : v
}

export function toApiError(
  method: string,
  url: URL,
  res: TransportResponse,
  nowMs: number,
  idempotent: boolean
): WebexApiError {
  let message: string | undefined
  let bodyTrackingId: string | undefined
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(res.body))
    if (parsed.success) {
      message = parsed.data.message ?? parsed.data.errors?.[0]?.description
      bodyTrackingId = parsed.data.trackingId
    }
  } catch {
    // Error bodies may be empty or HTML from a proxy: status alone still tells the story.
  }
  if (message !== undefined) message = redactString(message).slice(0, 500)
  const trackingId = bodyTrackingId ?? headerString(res.headers.trackingid)
  const status = res.status
  const retryable = isThrottleStatus(status) || (isServerErrorStatus(status) && idempotent)
  return new WebexApiError(
    status,
    message,
    trackingId,
    retryable,
    method,
    `${url.origin}${url.pathname}`,
    isThrottleStatus(status) || isServerErrorStatus(status)
      ? parseRetryAfterMs(headerString(res.headers['retry-after']), nowMs)
      : undefined
  )
}

/** Parses and validates a JSON body; failures become WebexMalformedResponseError with a short sample. */
export function parseBody<S extends z.ZodType>(
  schema: S,
  res: Pick<HttpResult, 'body' | 'url' | 'trackingId'>
): z.output<S> {
  return parseJson(schema, parseJsonText(res), res)
}

/** JSON.parse with the malformed-response error every caller expects. */
export function parseJsonText(res: Pick<HttpResult, 'body' | 'url' | 'trackingId'>): unknown {
  try {
    return JSON.parse(res.body)
  } catch (e) {
    throw new WebexMalformedResponseError(
      'Webex sent a response that is not valid JSON',
      stripQuery(res.url),
      sampleOf(res.body),
      [e instanceof Error ? e.message : String(e)],
      res.trackingId
    )
  }
}

export function parseJson<S extends z.ZodType>(
  schema: S,
  json: unknown,
  res: Pick<HttpResult, 'body' | 'url' | 'trackingId'>
): z.output<S> {
  const parsed = schema.safeParse(json)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  throw new WebexMalformedResponseError(
    `Webex sent a response of an unexpected shape (${issues[0] ?? 'invalid'})`,
    stripQuery(res.url),
    sampleOf(res.body),
    issues,
    res.trackingId
  )
}

export function sampleOf(body: string): string {
  const s = body.length > 200 ? `${body.slice(0, 200)}…` : body
  return redactString(s)
}
