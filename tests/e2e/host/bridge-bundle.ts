/** Bundles browser-bridge.ts into one classic script, once per host process. */
import { build } from 'esbuild'
import { resolve } from 'node:path'

let cached: Promise<string> | null = null

export function bridgeScript(): Promise<string> {
  cached ??= build({
    entryPoints: [resolve(import.meta.dirname, 'browser-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent'
  }).then((r) => {
    const out = r.outputFiles[0]
    if (!out) throw new Error('esbuild produced no bridge bundle')
    return out.text
  })
  return cached
}
