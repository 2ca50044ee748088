/**
 * `roster`'s commands: the headless CLI over the same core as the app (product.md, edge 10).
 * Environment: ROSTER_DATA_DIR, WEBEX_BASE_URL, WEBEX_ACCESS_TOKEN (used in memory, never stored).
 */
import { parseArgs, flagString, type Args } from './args'
import { peopleList, runsList, runsShow, saasUsersList } from './commands/lists'
import { syncCommand } from './commands/sync'
import type { Out } from './output'
import { CliError, openSession, type Session } from './session'

export const HELP = `roster — Webex users on your workstation (the same data as the Roster app)

Usage:
  roster sync [--integration <name>] [--dry-run] [--json] [--progress]
        Run one integration (none configured: creates "Webex users"). Exit 0 only on success,
        3 when it succeeded with warnings, 1 when it failed, 2 on a usage error.
  roster people list [--json] [--limit N]
  roster saas-users list [--json] [--limit N]
  roster runs list [--json] [--limit N]
  roster runs show <id> [--json]
  roster --help

Environment:
  ROSTER_DATA_DIR     data folder (default: the app's, e.g. ~/.config/Roster)
  WEBEX_BASE_URL      Webex API base (default https://webexapis.com/v1)
  WEBEX_ACCESS_TOKEN  use this token instead of a stored credential (kept in memory only)`

type Command = (s: Session, a: Args, o: Out, env: NodeJS.ProcessEnv) => Promise<number>

function commandFor(a: Args): Command | null {
  const [first, second] = a.positionals
  if (first === 'sync') return syncCommand
  if (first === 'people' && second === 'list') return peopleList
  if (first === 'saas-users' && second === 'list') return saasUsersList
  if (first === 'runs' && second === 'list') return runsList
  if (first === 'runs' && second === 'show') return runsShow
  return null
}

export async function main(argv: string[], env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const args = parseArgs(argv)
  if (args.flags.has('help') || args.positionals.length === 0) {
    out.out(HELP)
    return args.flags.has('help') ? 0 : 2
  }
  const command = commandFor(args)
  if (!command) {
    out.err(`Unknown command: ${args.positionals.join(' ')}\n\n${HELP}`)
    return 2
  }
  const pageSize = flagString(args, 'page-size')
  let session: Session | null = null
  try {
    session = await openSession(env, pageSize ? { pageSize: Number(pageSize) } : {})
    return await command(session, args, out, env)
  } catch (e) {
    out.err(e instanceof Error ? e.message : String(e))
    return e instanceof CliError ? e.exitCode : 1
  } finally {
    await session?.close()
  }
}
