/**
 * The OAuth redirect target (security.md S12): an HTTP listener on 127.0.0.1 only, on the exact port
 * registered with Webex, that accepts ONE request to /callback and then closes, or closes on its own
 * after a timeout. Anything else gets a 404 and does not end the wait.
 */
import { createServer, type Server } from 'node:http'
import { AppError } from '../errors'

export type CallbackParams = URLSearchParams

export type LoopbackListener = {
  readonly redirectUri: string
  /** Resolves with the query of the first /callback request; rejects on timeout or cancel. */
  readonly callback: Promise<CallbackParams>
  cancel(reason?: string): void
}

const PAGE = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title>` +
  `<body style="font-family:system-ui;margin:4rem"><h1>${title}</h1><p>${text}</p></body>`

export async function openLoopbackListener(opts: {
  port: number
  timeoutMs: number
}): Promise<LoopbackListener> {
  let settle: { resolve: (p: CallbackParams) => void; reject: (e: Error) => void } | null = null
  const callback = new Promise<CallbackParams>((resolve, reject) => {
    settle = { resolve, reject }
  })
  // Nobody may be awaiting yet when a timeout fires; the caller awaits `callback` later.
  callback.catch(() => undefined)

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${opts.port}`)
    if (req.method !== 'GET' || url.pathname !== '/callback' || !settle) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    const failed = url.searchParams.has('error')
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(
        failed
          ? PAGE('Roster was not authorized', 'You can close this tab and return to Roster.')
          : PAGE('Roster is authorized', 'You can close this tab and return to Roster.')
      )
    finish(() => settle?.resolve(url.searchParams))
  })

  const timing: { timer?: NodeJS.Timeout } = {}
  const finish = (done: () => void) => {
    if (!settle) return
    done()
    settle = null
    clearTimeout(timing.timer)
    server.close()
    server.closeAllConnections()
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new AppError(
          'CONFLICT',
          e.code === 'EADDRINUSE'
            ? `Port ${opts.port} is in use by another program. Free it or choose another redirect port (and register it on the Webex integration).`
            : `Roster could not listen for the Webex sign-in on port ${opts.port}.`,
          { cause: e }
        )
      )
    )
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  timing.timer = setTimeout(
    () =>
      finish(() => settle?.reject(new AppError('AUTH_CANCELLED', 'The Webex sign-in timed out.'))),
    opts.timeoutMs
  )
  timing.timer.unref()

  return {
    redirectUri: `http://127.0.0.1:${opts.port}/callback`,
    callback,
    cancel: (reason = 'The Webex sign-in was cancelled.') =>
      finish(() => settle?.reject(new AppError('AUTH_CANCELLED', reason)))
  }
}
