/**
 * Typed errors of the Webex client. Each carries what a caller needs to decide what to do next:
 * the HTTP status, Webex's own message, the tracking id to quote to Webex support, and whether the
 * same request may be sent again. They extend AppError so the contract edge maps them to stable codes.
 */
import { AppError } from '../errors'

export type WebexErrorKind =
  | 'WebexApiError'
  | 'WebexNetworkError'
  | 'WebexMalformedResponseError'
  | 'ForeignOriginError'
  | 'ReauthorizationRequiredError'
  | 'RetryExhaustedError'
  | 'WebexAbortedError'
  | 'WebexWriteUnverifiedError'
  | 'OAuthError'
  | 'InvalidGrantError'

/** Webex answered with a non-success status. */
export class WebexApiError extends AppError {
  readonly kind: WebexErrorKind = 'WebexApiError'
  constructor(
    readonly status: number,
    readonly webexMessage: string | undefined,
    readonly trackingId: string | undefined,
    readonly retryable: boolean,
    readonly method: string,
    /** Origin and path only: queries may hold cursors and filters. */
    readonly path: string,
    /** For 429/423: how long Webex asked us to wait. */
    readonly retryAfterMs?: number
  ) {
    super(
      status === 404 ? 'NOT_FOUND' : 'WEBEX_ERROR',
      `Webex answered ${status} to ${method} ${path}${webexMessage ? `: ${webexMessage}` : ''}${
        trackingId ? ` (tracking id ${trackingId})` : ''
      }`
    )
  }
}

/**
 * The connection failed: refused, reset, timed out, or the body stopped halfway.
 * `maybeProcessed` is false when the request provably never reached the server (connection refused,
 * DNS failure), so even a write may be re-sent; otherwise a write must be verified first.
 */
export class WebexNetworkError extends AppError {
  readonly kind: WebexErrorKind = 'WebexNetworkError'
  readonly retryable = true
  constructor(
    message: string,
    readonly errorCode: string | undefined,
    readonly maybeProcessed: boolean,
    readonly trackingId?: string,
    options?: { cause?: unknown }
  ) {
    super('NETWORK_ERROR', message, options)
  }
}

/** The body was not what the schema promises (bad JSON, no `items`, wrong types). Never retried. */
export class WebexMalformedResponseError extends AppError {
  readonly kind: WebexErrorKind = 'WebexMalformedResponseError'
  readonly retryable = false
  constructor(
    message: string,
    readonly path: string,
    /** A short, redacted excerpt of the offending payload, for the run log. */
    readonly sample: string,
    readonly issues: string[],
    readonly trackingId?: string
  ) {
    super('WEBEX_ERROR', message)
  }
}

/** A URL (base URL, next link or resume cursor) points outside the allowed Webex origins. */
export class ForeignOriginError extends AppError {
  readonly kind: WebexErrorKind = 'ForeignOriginError'
  readonly retryable = false
  constructor(
    readonly refusedOrigin: string,
    readonly expectedOrigin: string
  ) {
    super(
      'WEBEX_ERROR',
      `Refused to contact ${refusedOrigin}: Webex calls only go to ${expectedOrigin}`
    )
  }
}

/** The token was rejected and could not be refreshed: the admin must sign in again. */
export class ReauthorizationRequiredError extends AppError {
  readonly kind: WebexErrorKind = 'ReauthorizationRequiredError'
  readonly retryable = false
  constructor(
    message: string,
    readonly trackingId?: string,
    options?: { cause?: unknown }
  ) {
    super('REAUTH_REQUIRED', message, options)
  }
}

/** Every allowed attempt failed with a retryable error; `lastError` is the final one. */
export class RetryExhaustedError extends AppError {
  readonly kind: WebexErrorKind = 'RetryExhaustedError'
  readonly retryable = true
  constructor(
    readonly attempts: number,
    readonly lastError: WebexApiError | WebexNetworkError
  ) {
    super(
      lastError instanceof WebexNetworkError ? 'NETWORK_ERROR' : 'WEBEX_ERROR',
      `Gave up after ${attempts} attempts: ${lastError.message}`,
      { cause: lastError }
    )
  }
  get trackingId(): string | undefined {
    return this.lastError.trackingId
  }
}

/** The caller's AbortSignal fired. */
export class WebexAbortedError extends AppError {
  readonly kind: WebexErrorKind = 'WebexAbortedError'
  readonly retryable = false
  constructor() {
    super('INTERNAL', 'The Webex request was cancelled')
  }
}

/** A write failed ambiguously and the verification read failed too: the server state is unknown. */
export class WebexWriteUnverifiedError extends AppError {
  readonly kind: WebexErrorKind = 'WebexWriteUnverifiedError'
  readonly retryable = false
  constructor(
    readonly operation: 'create' | 'update' | 'delete',
    readonly writeError: unknown,
    readonly verifyError: unknown
  ) {
    super(
      'WEBEX_ERROR',
      `The ${operation} may or may not have been applied by Webex, and checking failed: ${
        verifyError instanceof Error ? verifyError.message : String(verifyError)
      }`,
      { cause: writeError }
    )
  }
}

/** The OAuth token endpoint refused a request. */
export class OAuthError extends AppError {
  readonly kind: WebexErrorKind = 'OAuthError'
  constructor(
    readonly status: number,
    readonly oauthError: string | undefined,
    message: string,
    readonly trackingId?: string,
    code: 'WEBEX_ERROR' | 'REAUTH_REQUIRED' | 'NETWORK_ERROR' = 'WEBEX_ERROR',
    options?: { cause?: unknown }
  ) {
    super(code, message, options)
  }
}

/** The code or refresh token is invalid, expired or revoked: only a new sign-in helps. */
export class InvalidGrantError extends OAuthError {
  override readonly kind: WebexErrorKind = 'InvalidGrantError'
  constructor(status: number, message: string, trackingId?: string) {
    super(status, 'invalid_grant', message, trackingId, 'REAUTH_REQUIRED')
  }
}

export type WebexError =
  | WebexApiError
  | WebexNetworkError
  | WebexMalformedResponseError
  | ForeignOriginError
  | ReauthorizationRequiredError
  | RetryExhaustedError
  | WebexAbortedError
