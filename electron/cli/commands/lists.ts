/** `roster people list`, `roster saas-users list`, `roster runs list`, `roster runs show <id>`. */
import { flagString, type Args } from '../args'
import { table, type Out } from '../output'
import { CliError, type Session } from '../session'

const PAGE = 1000

async function all<T>(
  fetch: (offset: number) => Promise<{ rows: T[]; total: number }>,
  limit: number
) {
  const rows: T[] = []
  for (let offset = 0; rows.length < limit; offset += PAGE) {
    const page = await fetch(offset)
    rows.push(...page.rows)
    if (page.rows.length === 0 || rows.length >= page.total) break
  }
  return rows.slice(0, limit)
}

const limitOf = (args: Args) => {
  const raw = flagString(args, 'limit')
  const n = raw === undefined ? Number.POSITIVE_INFINITY : Number(raw)
  if (!(n > 0)) throw new CliError('--limit must be a positive number', 2)
  return n
}

export async function peopleList(s: Session, args: Args, out: Out): Promise<number> {
  const rows = await all(
    (offset) =>
      s.call('people:list', { offset, limit: PAGE, sort: { column: 'email', direction: 'asc' } }),
    limitOf(args)
  )
  if (args.flags.has('json')) out.out(JSON.stringify(rows))
  else out.out(table(rows, ['email', 'displayName', 'role', 'webexStatus', 'syncTime']))
  return 0
}

export async function saasUsersList(s: Session, args: Args, out: Out): Promise<number> {
  const rows = await all(
    (offset) =>
      s.call('saas-users:list', {
        offset,
        limit: PAGE,
        sort: { column: 'email', direction: 'asc' }
      }),
    limitOf(args)
  )
  if (args.flags.has('json')) out.out(JSON.stringify(rows))
  else
    out.out(
      table(
        rows.map((r) => ({ ...r, roles: r.roles.join(', '), licenses: r.licenses.join(', ') })),
        ['email', 'status', 'lastActivity', 'daysSinceActivity', 'roles', 'licenses', 'notInWebex']
      )
    )
  return 0
}

export async function runsList(s: Session, args: Args, out: Out): Promise<number> {
  const rows = await all((offset) => s.call('runs:list', { offset, limit: 500 }), limitOf(args))
  if (args.flags.has('json')) out.out(JSON.stringify(rows))
  else
    out.out(
      table(
        rows.map((r) => ({ ...r, ...r.counts })),
        [
          'id',
          'integrationName',
          'kind',
          'status',
          'startedAt',
          'created',
          'updated',
          'unchanged',
          'skipped',
          'failed'
        ]
      )
    )
  return 0
}

export async function runsShow(s: Session, args: Args, out: Out): Promise<number> {
  const id = args.positionals[2]
  if (!id) throw new CliError('Usage: roster runs show <id> [--json]', 2)
  const d = await s.call('runs:get', { id, itemsLimit: 500 })
  if (args.flags.has('json')) {
    out.out(JSON.stringify(d))
    return 0
  }
  const r = d.run
  out.out(
    [
      `Run ${r.id} (${r.kind}, ${r.trigger}) of "${r.integrationName}": ${r.status}`,
      `Started ${r.startedAt}, finished ${r.finishedAt ?? '-'} (${r.durationMs ?? '-'} ms), ${r.pagesRead} pages`,
      `Created ${r.counts.created}, updated ${r.counts.updated}, unchanged ${r.counts.unchanged}, skipped ${r.counts.skipped}, failed ${r.counts.failed}`,
      r.message ? `Note: ${r.message}` : '',
      r.heldMarks > 0 ? `${r.heldMarks} "not in Webex" marks are held (allow them in the app)` : '',
      r.trackingIds.length > 0 ? `Webex tracking ids: ${r.trackingIds.join(', ')}` : '',
      ...d.items.rows.map((i) => `  ${i.outcome} ${i.email ?? i.webexId ?? ''}: ${i.reason}`)
    ]
      .filter(Boolean)
      .join('\n')
  )
  return 0
}
