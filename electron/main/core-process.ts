/**
 * Starts the core as an Electron utilityProcess (out/main/core.js) and adapts it to the supervisor's
 * `CoreChild`. A utilityProcess rather than child_process.fork: with the RunAsNode fuse off, fork
 * from main no longer works (security.md S11).
 */
import { utilityProcess } from 'electron'
import type { CoreChild } from './core-link/core-supervisor'
import { CORE_V8_FLAGS } from '../core/host/v8-flags'

export const CORE_SERVICE_NAME = 'Roster core'

export function spawnCoreProcess(opts: {
  modulePath: string
  dataDir: string
  appVersion: string
}): CoreChild {
  const child = utilityProcess.fork(opts.modulePath, [], {
    serviceName: CORE_SERVICE_NAME,
    stdio: 'inherit',
    execArgv: [...CORE_V8_FLAGS],
    env: {
      ...process.env,
      ROSTER_DATA_DIR: opts.dataDir,
      ROSTER_APP_VERSION: opts.appVersion
    }
  })
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill()
  }
}
