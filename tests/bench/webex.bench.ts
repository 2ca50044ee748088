/**
 * Reads every person of a 100,000-person simulated org with the Roster client and with the official
 * Webex JS SDK (webex-core + plugin-people), three rounds each, interleaved, and prints the medians
 * and their ratio. Run: npm run bench -- webex [users]
 *
 * The simulator runs in a child process, as in the ingest benchmark: in this process its 100k
 * people (hundreds of MB of heap) made every full garbage collection expensive, which penalised
 * whichever client kept page buffers alive longer rather than measuring the clients.
 */
import { createWebexClient } from '../../electron/core/webex/client'
import { runSuite } from './support/report'
import { createSdkLister, median } from './support/sdk-listing'
import { startSimProcess } from './support/sim-process'

const USERS = Number(process.argv[2] ?? 100_000)
const PAGE = 1000
const ROUNDS = 3

async function main() {
  const t0 = Date.now()
  const sim = await startSimProcess(USERS)
  stopSim = () => sim.stop()
  console.log(`simulator (child pid ${sim.pid}) at ${sim.url}, up in ${Date.now() - t0} ms`)

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
      if (n !== USERS) throw new Error(`${name} read ${n} of ${USERS}`)
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

let stopSim: () => Promise<void> = () => Promise.resolve()
runSuite(main, () => stopSim())
