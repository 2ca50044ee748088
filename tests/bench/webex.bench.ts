/**
 * Reads every person of a 100,000-person simulated org with the Roster client and with the official
 * Webex JS SDK (webex-core + plugin-people), three rounds each, interleaved, and prints the medians
 * and their ratio. Run: npx tsx tests/bench/webex.bench.ts [users]
 */
import { createWebexClient } from '../../electron/core/webex/client'
import { startWebexSim } from '../../electron/webex-sim/index'
import { createSdkLister, median } from './support/sdk-listing'

const USERS = Number(process.argv[2] ?? 100_000)
const PAGE = 1000
const ROUNDS = 3

async function main() {
  const t0 = Date.now()
  const sim = await startWebexSim({ users: USERS, seed: 1 })
  console.log(`simulator: ${sim.org.count()} people at ${sim.url} (built in ${Date.now() - t0} ms)`)

  const sdk = createSdkLister(sim.url, sim.token)

  const ours = createWebexClient({
    baseUrl: sim.url,
    tokens: { getAccessToken: () => Promise.resolve(sim.token) }
  })

  const readOurs = async (): Promise<number> => {
    let n = 0
    const listing = ours.listPeople({}, { pageSize: PAGE })
    for await (const page of listing) n += page.items.length
    if (!listing.outcome().complete) throw new Error(`incomplete: ${listing.outcome().reason}`)
    return n
  }
  const readSdk = () => sdk.listAll(PAGE)

  const timings = { roster: [] as number[], sdk: [] as number[] }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, read] of [
      ['roster', readOurs],
      ['sdk', readSdk]
    ] as const) {
      const start = process.hrtime.bigint()
      const n = await read()
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (n !== sim.org.count()) throw new Error(`${name} read ${n} of ${sim.org.count()}`)
      timings[name].push(ms)
      console.log(`round ${round} ${name.padEnd(6)} ${n} people in ${ms.toFixed(0)} ms`)
    }
  }
  const r = median(timings.roster)
  const s = median(timings.sdk)
  console.log(
    `median roster ${r.toFixed(0)} ms, sdk ${s.toFixed(0)} ms, roster/sdk = ${(r / s).toFixed(2)}`
  )
  ours.close()
  await sim.stop()
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
