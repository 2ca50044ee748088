/**
 * electron-vite with Roster's layout (architecture.md): main + the core's utilityProcess entry built
 * together into out/main (index.js, core.js), the preload into out/preload, the renderer from
 * renderer/ into out/renderer. Main and the core keep dependencies external (better-sqlite3 and
 * keytar are native and load from node_modules/app.asar.unpacked). The preload is a single CommonJS
 * file with no runtime dependency: a sandboxed preload can only require 'electron'.
 */
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          core: resolve(root, 'electron/core/entry.ts')
        }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle everything it imports (only shared/contract/channels.ts); 'electron' stays external.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') }
    }
  }
})
