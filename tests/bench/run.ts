/**
 * `npm run bench [-- suite ...]`: runs each benchmark suite in its own Node process (so one suite's
 * heap and JIT state cannot colour another's) and prints their reports one after the other.
 * Suites are the files tests/bench/<name>.bench.ts; with no argument, all of them run.
 *
 * Each suite is bundled first (esbuild, like the app's release build) and run by plain Node: under
 * tsx the measured process also carried the compiler (~115 MB of RSS) and its module hooks, which
 * performance.md's "release builds only" rules out. `--tsx` runs the sources through tsx instead.
 */
import { spawnSync } from 'node:child_process'
import { buildSync } from 'esbuild'
import { CORE_V8_FLAGS } from '../../electron/core/host/v8-flags'
import { readdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

const dir = join(__dirname)
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort()
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const viaTsx = process.argv.includes('--tsx')
// Same depth as tests/bench/support, so paths the suites compute from __dirname still hold.
const buildDir = join(dir, '.build')

/** The suite as one CommonJS file; native addons and the SDK (dynamic requires) stay external. */
function bundle(suite: string): string {
  const outfile = join(buildDir, `${suite}.bench.cjs`)
  buildSync({
    entryPoints: [join(dir, `${suite}.bench.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0] ?? '20'}`,
    packages: 'external',
    logLevel: 'warning'
  })
  return outfile
}
const unknown = asked.filter((a) => !available.includes(a))
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`)
  process.exit(2)
}
const suites = asked.length > 0 ? asked : available

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `# Roster benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpu}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
)
let failed = 0
for (const suite of suites) {
  console.log(`\n## ${suite}`)
  const entry = viaTsx ? ['--import', 'tsx', join(dir, `${suite}.bench.ts`)] : [bundle(suite)]
  // The core process's own V8 flags: its heap limit shapes how much garbage a sync leaves around.
  const r = spawnSync(process.execPath, ['--expose-gc', ...CORE_V8_FLAGS, ...entry], {
    stdio: 'inherit'
  })
  if (r.status !== 0) {
    failed++
    console.error(`suite ${suite} failed (exit ${r.status ?? r.signal})`)
  }
}
process.exit(failed > 0 ? 1 : 0)
