#!/usr/bin/env node
// better-sqlite3 and keytar are native addons, built for one ABI at a time: plain Node (tests, CLI,
// test host) or Electron (the app). `node electron/build/native-abi.mjs node|electron` rebuilds them
// for the target only when the last build was for the other one, so `npm start` and `npm test` can
// follow each other on one machine. (A postinstall `electron-builder install-app-deps` would delete
// the Node build when offline: see docs/architecture.md.)
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: native-abi.mjs node|electron')
  process.exit(2)
}
const marker = join('node_modules', '.roster-native-abi')
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node'
if (current === target) process.exit(0)

const modules = ['better-sqlite3', 'keytar']
console.error(`Rebuilding ${modules.join(', ')} for ${target}…`)
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
if (target === 'electron') {
  execFileSync(npx, ['electron-rebuild', '--force', '--only', modules.join(',')], {
    stdio: 'inherit'
  })
} else {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', ...modules], {
    stdio: 'inherit'
  })
}
writeFileSync(marker, target + '\n')
