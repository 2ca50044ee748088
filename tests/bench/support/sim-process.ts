/**
 * The Webex simulator in a child process (`electron/webex-sim/cli.ts --port 0`), so that serving
 * 100k people does not spend the measured process's CPU. Reads the base URL and admin token it prints.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'

export type SimProcess = { url: string; token: string; pid: number; stop(): Promise<void> }

const ROOT = join(__dirname, '..', '..', '..')

export function startSimProcess(users: number, seed = 1): Promise<SimProcess> {
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
      String(seed)
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
