/**
 * `npm run webex-sim -- --port <n> --users <n> [--seed <n>] [--token <value>] [--fault kind:k=v,...]`
 * Starts the simulator, prints its base URL and credentials, and serves until SIGINT/SIGTERM.
 */
import { parseFault } from './faults/parse'
import { FAULT_KINDS } from './faults/parse'
import { startWebexSim } from './index'
import type { SimOptions } from './types'

const HELP = `Webex API simulator

Usage: npm run webex-sim -- [options]
  --port <n>          port on 127.0.0.1 (default 8787; 0 = any free port)
  --users <n>         people in the synthetic org (default 2500)
  --seed <n>          seed of the synthetic org (default 1)
  --token <value>     admin access token to accept (default: generated)
  --max-page <n>      largest page served whatever max asks (default 1000)
  --booleans          send invitePending/loginEnabled as booleans (default: "true"/"false" strings)
  --fault <spec>      scripted fault, repeatable, e.g. rate-limit:everyNth=10,retryAfterSec=3
                      kinds: ${FAULT_KINDS.join(', ')}
  --help              this text`

function parseArgs(argv: string[]): SimOptions | 'help' {
  const opts: SimOptions = { port: 8787, users: 2500, faults: [] }
  const num = (flag: string, v: string | undefined): number => {
    const n = Number(v)
    if (v === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`${flag} needs a whole number`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = (): string | undefined => argv[++i]
    if (flag === '--help' || flag === '-h') return 'help'
    else if (flag === '--port') opts.port = num(flag, value())
    else if (flag === '--users') opts.users = num(flag, value())
    else if (flag === '--seed') opts.seed = num(flag, value())
    else if (flag === '--max-page') opts.maxPageSize = num(flag, value())
    else if (flag === '--booleans') opts.booleanForm = 'boolean'
    else if (flag === '--token') {
      const t = value()
      if (!t) throw new Error('--token needs a value')
      opts.token = t
    } else if (flag === '--fault') opts.faults?.push(parseFault(value() ?? ''))
    else throw new Error(`Unknown option ${flag ?? ''} (try --help)`)
  }
  return opts
}

async function main(): Promise<void> {
  let opts: SimOptions | 'help'
  try {
    opts = parseArgs(process.argv.slice(2))
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e))
    process.exit(2)
  }
  if (opts === 'help') {
    console.log(HELP)
    return
  }
  const started = performance.now()
  const sim = await startWebexSim(opts)
  const ms = Math.round(performance.now() - started)
  // This is a local test server: printing its own throwaway credentials is its purpose.
  console.log(`Webex simulator: ${sim.org.count()} people, ready in ${ms} ms`)
  console.log(`Base URL:      ${sim.url}`)
  console.log(`Admin token:   ${sim.token}`)
  console.log(`Member token:  ${sim.userToken}`)
  console.log(`OAuth client:  ${sim.oauthClient.clientId}`)
  console.log(`OAuth secret:  ${sim.oauthClient.clientSecret}`)
  for (const f of opts.faults ?? []) console.log(`Fault:         ${JSON.stringify(f)}`)
  const stop = (signal: string): void => {
    console.log(`\n${signal}: stopping`)
    sim.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

void main()
