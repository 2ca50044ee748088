/**
 * Runs the browser test host as a child process, as an admin would run `npm run preview:browser`,
 * and waits for the URL it prints (no sleeps). Everything it writes is kept for leak checks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The folder holding package.json, found upwards from this file: the same from tests/e2e (specs,
 * which Playwright compiles to CommonJS, so no import.meta) and from a benchmark's esbuild bundle
 * in tests/bench/.build.
 */
function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`)
  }
}
export const repoRoot = findRepoRoot(__dirname)
const READY = /Roster test host: (http:\/\/127\.0\.0\.1:\d+\/)/

export type HostProcess = {
  url: string
  /** Everything the host wrote to stdout and stderr so far. */
  output: () => string
  stop: () => Promise<void>
  /** SIGKILL: the host dies as in a crash, leaving the database's WAL behind. */
  crash: () => Promise<void>
}

export type HostEnv = { dataDir: string; webexBaseUrl: string; extra?: Record<string, string> }

export function assertRendererBuilt(): void {
  if (!existsSync(resolve(repoRoot, 'out/renderer/index.html'))) {
    throw new Error('No built renderer in out/renderer: run `npx electron-vite build` first.')
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((ok) => {
    const timer = setTimeout(() => ok(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      ok(true)
    })
  })
}

export function startHost(env: HostEnv, timeoutMs = 30_000): Promise<HostProcess> {
  // Node with tsx's loader directly (not `npx tsx`): one process, so one pid to signal.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/host/serve.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ROSTER_DATA_DIR: env.dataDir,
      WEBEX_BASE_URL: env.webexBaseUrl,
      ROSTER_HOST_PORT: '0',
      ...env.extra
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d: string) => (out += d))

  const stop = async (): Promise<void> => {
    child.kill('SIGTERM')
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL')
      await waitForExit(child, 5_000)
    }
  }

  const crash = async (): Promise<void> => {
    child.kill('SIGKILL')
    await waitForExit(child, 5_000)
  }

  return new Promise((ok, fail) => {
    const timer = setTimeout(() => {
      void stop()
      fail(new Error(`test host printed no URL within ${timeoutMs} ms:\n${out}`))
    }, timeoutMs)
    child.stdout.on('data', (d: string) => {
      out += d
      const m = READY.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        ok({ url: m[1], output: () => out, stop, crash })
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(new Error(`test host exited (${code ?? signal}) before it was ready:\n${out}`))
    })
  })
}
