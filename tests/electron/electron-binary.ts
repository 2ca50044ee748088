/**
 * Finds the Electron binary WITHOUT require('electron'): that module downloads the binary on first
 * use and throws offline. Mirrors node_modules/electron/index.js: path.txt names the executable
 * under dist/ (or under ELECTRON_OVERRIDE_DIST_PATH).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(__dirname, '../..') // Playwright loads specs as CommonJS here
export const BUILT_MAIN = join(REPO_ROOT, 'out/main/index.js')

export type ElectronBinary =
  { available: true; path: string } | { available: false; reason: string }

function locate(): ElectronBinary {
  const pkg = join(REPO_ROOT, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: `no Electron binary (${pathFile} is missing: the binary was never downloaded on this machine)`
    }
  }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  if (!existsSync(binary)) {
    return { available: false, reason: `no Electron binary (${binary} does not exist)` }
  }
  return { available: true, path: binary }
}

export const electronBinary: ElectronBinary = locate()
export const SKIP_REASON = electronBinary.available
  ? ''
  : `Electron tests skipped: ${electronBinary.reason}. They run where the binary exists.`

// One printed reason per process, whatever the number of spec files importing this module.
const flag = Symbol.for('roster.electron-skip-warned')
const registry = globalThis as unknown as Record<symbol, boolean | undefined>
if (!electronBinary.available && registry[flag] !== true) {
  registry[flag] = true
  console.warn(SKIP_REASON)
}
