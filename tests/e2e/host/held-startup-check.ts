/**
 * ROSTER_TEST_HOLD_STARTUP_CHECK=<file name>: the core's startup check waits until that file exists
 * in the data folder, then runs the real check. E2e tests use it to see the window during the check
 * (a small test database is checked before the page could show anything). Test host only.
 */
import { existsSync, watch } from 'node:fs'
import { join } from 'node:path'
import type { CoreOptions } from '../../../electron/core/host/core-types'
import { checkDatabaseFile } from '../../../electron/core/store/health'

function fileAppears(dir: string, name: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, () => {
      if (!existsSync(join(dir, name))) return
      watcher.close()
      resolve()
    })
    // It may have been created before the watch began.
    if (existsSync(join(dir, name))) {
      watcher.close()
      resolve()
    }
  })
}

export function heldStartupCheck(
  dataDir: string,
  releaseFile: string | undefined
): CoreOptions['startupCheck'] {
  if (!releaseFile) return undefined
  return async (file, kind) => {
    await fileAppears(dataDir, releaseFile)
    return checkDatabaseFile(file, kind)
  }
}
