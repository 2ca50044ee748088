/**
 * `npm run bench [-- suite ...]`: runs each benchmark suite in its own Node process (so one suite's
 * heap and JIT state cannot colour another's) and prints their reports one after the other.
 * Suites are the files tests/bench/<name>.bench.ts; with no argument, all of them run.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

const dir = join(__dirname)
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort()
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'))
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
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(dir, `${suite}.bench.ts`)],
    {
      stdio: 'inherit'
    }
  )
  if (r.status !== 0) {
    failed++
    console.error(`suite ${suite} failed (exit ${r.status ?? r.signal})`)
  }
}
process.exit(failed > 0 ? 1 : 0)
