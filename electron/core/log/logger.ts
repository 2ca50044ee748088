/**
 * Structured JSON-lines logger. Every record passes through `redact` before it is written, so a caller
 * cannot leak a token by logging the wrong object. Writes are synchronous appends: log volume is low
 * (events, not rows) and a crash must not lose the line that explains it.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { redact } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, unknown>
export type Logger = {
  debug(event: string, fields?: LogFields): void
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
  child(bindings: LogFields): Logger
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export type LogSink = (line: string) => void

export function fileSink(file: string): LogSink {
  mkdirSync(dirname(file), { recursive: true })
  return (line) => appendFileSync(file, line + '\n', { mode: 0o600 })
}

export function createLogger(opts: {
  sink: LogSink
  level?: LogLevel
  bindings?: LogFields
}): Logger {
  const min = ORDER[opts.level ?? 'info']
  const bindings = opts.bindings ?? {}
  const write = (level: LogLevel, event: string, fields?: LogFields) => {
    if (ORDER[level] < min) return
    const record = redact({ t: new Date().toISOString(), level, event, ...bindings, ...fields })
    try {
      opts.sink(JSON.stringify(record))
    } catch {
      // A full disk must not turn logging into a crash loop.
    }
  }
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    child: (more) => createLogger({ ...opts, bindings: { ...bindings, ...more } })
  }
}

export const silentLogger: Logger = createLogger({ sink: () => undefined })
