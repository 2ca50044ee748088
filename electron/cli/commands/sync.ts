/**
 * `roster sync [--integration <name>] [--dry-run] [--json] [--progress] [--page-size N]`
 * Runs one integration to its end. With none configured it creates "Webex users" (User plus SaaS user,
 * Create & Update, default mapping, sync key Email). Exit 0 only when the run succeeded.
 */
import type { Integration } from '../../../shared/domain/integration'
import type { Run, RunProgress } from '../../../shared/domain/run'
import { flagString, type Args } from '../args'
import type { Out } from '../output'
import { CliError, type Session } from '../session'

export const DEFAULT_INTEGRATION = 'Webex users'

async function pickIntegration(s: Session, name: string | undefined, tokenOverride: boolean) {
  const all = await s.call('integrations:list', undefined)
  if (name) {
    const found = all.find((i) => i.name.toLowerCase() === name.toLowerCase())
    if (!found) throw new CliError(`No integration named "${name}".`, 2)
    return found
  }
  if (all.length === 1) return all[0] as Integration
  if (all.length > 1)
    throw new CliError(
      `There are ${all.length} integrations; choose one with --integration "<name>".`,
      2
    )
  const credentials = await s.call('credentials:list', undefined)
  const credential = credentials.find((c) => c.status === 'authorized') ?? credentials[0]
  if (!tokenOverride && !credential)
    throw new CliError(
      'No credential is configured: set WEBEX_ACCESS_TOKEN or add one in the app.',
      2
    )
  return s.call('integrations:create', {
    name: DEFAULT_INTEGRATION,
    credentialId: tokenOverride ? null : (credential?.id ?? null),
    scope: 'user-and-saas',
    preference: 'create-update',
    syncKeys: { primary: 'email', secondary: null }
  })
}

const progressLine = (p: RunProgress) =>
  `${p.kind} ${p.status}: ${p.pagesRead} pages, ${p.counts.created} created, ${p.counts.updated} updated, ` +
  `${p.counts.unchanged} unchanged, ${p.counts.skipped} skipped, ${p.counts.failed} failed` +
  (p.throttledUntil ? ' (throttled, retrying)' : '')

export async function syncCommand(
  s: Session,
  args: Args,
  out: Out,
  env: Readonly<Record<string, string | undefined>>
): Promise<number> {
  const json = args.flags.has('json')
  const progressJson = args.flags.has('progress')
  const i = await pickIntegration(
    s,
    flagString(args, 'integration'),
    Boolean(env.WEBEX_ACCESS_TOKEN)
  )
  const unlisten = s.core.onEvent((channel, payload) => {
    if (channel !== 'runs:progress') return
    const p = payload as RunProgress
    if (progressJson) out.err(JSON.stringify(p))
    else if (out.isTTY) out.err(progressLine(p))
  })
  try {
    if (args.flags.has('dry-run')) {
      const plan = await s.call('integrations:preview', { id: i.id })
      if (json)
        out.out(
          JSON.stringify({
            planId: plan.id,
            runId: plan.runId,
            status: 'succeeded',
            dryRun: true,
            ...plan.counts,
            notInWebex: plan.notInWebex,
            listingComplete: plan.listingComplete
          })
        )
      else
        out.out(
          `Dry run of "${i.name}": would create ${plan.counts.created}, update ${plan.counts.updated}, ` +
            `leave ${plan.counts.unchanged} unchanged, skip ${plan.counts.skipped}; ` +
            `${plan.notInWebex} would be marked not in Webex${plan.notInWebexHeld ? ' (held)' : ''}. Plan ${plan.id}`
        )
      return 0
    }
    const finished = new Promise<Run>((resolve) => {
      const off = s.core.onEvent((channel, payload) => {
        if (channel !== 'runs:finished') return
        const run = (payload as { run: Run }).run
        if (run.id === started?.id) {
          off()
          resolve(run)
        }
      })
    })
    let started: Run | null = null
    started = await s.call('integrations:run-now', { id: i.id })
    const runId = started.id
    const onSigint = () => void s.call('runs:cancel', { id: runId }).catch(() => undefined)
    process.once('SIGINT', onSigint)
    // The run may have finished before the listener saw its id.
    const already = await s.call('runs:get', { id: runId })
    const run = already.run.status === 'running' ? await finished : already.run
    process.off('SIGINT', onSigint)
    if (json)
      out.out(
        JSON.stringify({
          runId: run.id,
          integration: i.name,
          status: run.status,
          ...run.counts,
          pagesRead: run.pagesRead,
          durationMs: run.durationMs,
          message: run.message
        })
      )
    else
      out.out(
        `${i.name}: ${run.status} in ${run.durationMs ?? 0} ms — ${run.counts.created} created, ` +
          `${run.counts.updated} updated, ${run.counts.unchanged} unchanged, ${run.counts.skipped} skipped, ` +
          `${run.counts.failed} failed${run.message ? `\n${run.message}` : ''}`
      )
    return run.status === 'succeeded' ? 0 : run.status === 'succeeded-with-warnings' ? 3 : 1
  } finally {
    unlisten()
  }
}
