/**
 * The Webex simulator in a child process (`electron/webex-sim/cli.ts --port 0`), so that serving
 * 100k people does not spend the measured process's CPU. Reads the base URL and admin token it prints.
 */
import { execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export type SimProcess = { url: string; token: string; pid: number; stop(): Promise<void> }

const ROOT = join(__dirname, '..', '..', '..')

/** `extraArgs`: more simulator options, e.g. `['--fault', 'slow:delayMs=300']`. */
export function startSimProcess(
  users: number,
  seed = 1,
  extraArgs: readonly string[] = []
): Promise<SimProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'electron/webex-sim/cli.ts'),
      '--port',
      '0',
      '--users',
      String(users),
      '--seed',
      String(seed),
      ...extraArgs
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return new Promise((resolve, reject) => {
    let out = ''
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const url = /Base URL:\s+(\S+)/.exec(out)?.[1]
      const token = /Admin token:\s+(\S+)/.exec(out)?.[1]
      if (url && token && child.pid !== undefined) {
        child.stdout.off('data', onData)
        child.stdout.resume()
        resolve({ url, token, pid: child.pid, stop })
      }
    }
    child.stdout.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`simulator exited (${code}) before it was ready`))
    )
  })
}

// Lists every page and prints how many (argv: first URL, token).
const WARM_UP_SCRIPT = `
let url = process.argv[1]
let pages = 0
while (url) {
  const res = await fetch(url, { headers: { authorization: 'Bearer ' + process.argv[2] } })
  if (!res.ok) throw new Error('HTTP ' + res.status)
  await res.arrayBuffer()
  pages++
  url = /<([^>]+)>;\\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null
}
console.log(pages)
`

/**
 * One bare listing of every page, before anything is measured: the simulator's own warm-up (its JIT,
 * its first pages) would otherwise be paid by whichever measurement lists first, the full ingest. In
 * a child process, so that 143 MB of response buffers do not raise the measured process's RSS.
 */
export function warmUpSimulator(sim: SimProcess, pageSize: number): Promise<number> {
  const first = `${sim.url}/people?max=${pageSize}`
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['--input-type=module', '-e', WARM_UP_SCRIPT, first, sim.token],
      (error, stdout) =>
        error
          ? reject(new Error('simulator warm-up failed', { cause: error }))
          : resolve(Number(stdout.trim()))
    )
  )
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux build we run). */
const USER_HZ = 100

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where there
 * is no /proc (the benchmark then prints no CPU split for the simulator).
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ
  } catch {
    return null
  }
}
