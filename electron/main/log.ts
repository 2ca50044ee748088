/**
 * Main's logger: the core's redacting logger, writing through an append stream so logging never
 * blocks the main thread (the core's file sink is synchronous; main must stay responsive).
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createLogger, type Logger } from '../core/log/logger'

export function createMainLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs')
  mkdirSync(dir, { recursive: true }) // startup only
  const stream = createWriteStream(join(dir, 'main.log'), { flags: 'a', mode: 0o600 })
  stream.on('error', () => undefined) // a full disk must not crash main
  return createLogger({ sink: (line) => void stream.write(line + '\n') }).child({ process: 'main' })
}
