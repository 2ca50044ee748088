/**
 * Every call across the contract answers with this envelope. Error codes are stable (the renderer and
 * the CLI branch on them); `message` is plain language for a person. No stack trace, no secret and no
 * raw payload ever goes in here.
 */
import { z } from 'zod'

export const ERROR_CODES = [
  'BAD_REQUEST', // input failed the channel's schema
  'UNKNOWN_CHANNEL', // channel not in the contract
  'FORBIDDEN', // sender failed the origin/frame check
  'NOT_FOUND',
  'CONFLICT', // e.g. a name already used, a run already going
  'KEYCHAIN_UNAVAILABLE', // the OS keychain failed its probe: secrets are not stored anywhere else
  'REAUTH_REQUIRED', // a credential's refresh failed: the admin must authenticate again
  'WEBEX_ERROR', // Webex answered with an error
  'NETWORK_ERROR',
  'AUTH_CANCELLED', // OAuth flow timed out, was denied or cancelled
  'DATABASE_ERROR',
  'DISK_FULL',
  'INTERNAL' // anything else: logged in the core with details, shown as a generic message
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const ErrorInfo = z.object({ code: ErrorCode, message: z.string() })
export type ErrorInfo = z.infer<typeof ErrorInfo>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({
  ok: false,
  error: { code, message }
})

/** Schema of an envelope whose value is `value`: used by transports to check what comes back. */
export const envelopeOf = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ErrorInfo })
  ])
