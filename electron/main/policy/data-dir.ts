/**
 * Where Roster keeps its data: ROSTER_DATA_DIR when set (tests, portable setups, the CLI pointing at
 * the same folder), else Electron's per-user folder. Electron's own profile goes there too, which also
 * scopes the single-instance lock to that folder.
 */
import { isAbsolute, resolve } from 'node:path'

export function resolveDataDir(
  env: Readonly<Record<string, string | undefined>>,
  userData: string
): string {
  const fromEnv = env.ROSTER_DATA_DIR?.trim()
  if (fromEnv === undefined || fromEnv === '') return userData
  return isAbsolute(fromEnv) ? fromEnv : resolve(fromEnv)
}
