/**
 * Errors the core throws on purpose carry a stable code and a message fit for an admin to read.
 * Anything else becomes INTERNAL with a generic message at the contract edge (details go to the log).
 */
import type { ErrorCode } from '../../shared/contract/envelope'

export class AppError extends Error {
  override readonly name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
