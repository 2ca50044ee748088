/**
 * What every benchmark suite prints: each metric as it is measured, then one Markdown table
 * (metric, value, target, PASS/MISS) to paste into docs/benchmarks.md; and the way a suite runs,
 * stopping its simulator child on failure.
 */
type Row = { metric: string; value: string; target: string; pass: boolean | null }

export const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

export function createReport() {
  const rows: Row[] = []
  return {
    /** `pass` null: information only, no target. */
    record: (metric: string, value: string, target: string, pass: boolean | null) => {
      rows.push({ metric, value, target, pass })
      console.log(`  ${metric}: ${value}`)
    },
    printTable: () => {
      console.log('\n| metric | value | target | result |\n|---|---|---|---|')
      for (const r of rows)
        console.log(
          `| ${r.metric} | ${r.value} | ${r.target} | ${r.pass === null ? '' : r.pass ? 'PASS' : 'MISS'} |`
        )
    }
  }
}

/** Runs a suite; on failure prints the error, runs `cleanup` (e.g. stops the simulator), exits 1. */
export function runSuite(main: () => Promise<void>, cleanup: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    async (e: unknown) => {
      console.error(e)
      await cleanup()
      process.exit(1)
    }
  )
}
