/** The app's data folder without Electron: ROSTER_DATA_DIR, else the per-user folder Electron uses. */
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

export function defaultDataDir(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform
): string {
  const fromEnv = env.ROSTER_DATA_DIR?.trim()
  if (fromEnv) return isAbsolute(fromEnv) ? fromEnv : resolve(fromEnv)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Roster')
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Roster')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Roster')
}
