import { createServer } from 'node:net'

/** A loopback port free right now (for the OAuth redirect listener, which needs a fixed port). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => (port ? ok(port) : fail(new Error('no port'))))
    })
  })
}
