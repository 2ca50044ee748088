/**
 * Where a worker thread finds better-sqlite3: the very module the core loaded, and in a packaged app
 * its copy in app.asar.unpacked (electron-builder.yml unpacks it and its dependencies), because
 * worker threads cannot read inside app.asar.
 */
export const workerLoadablePath = (path: string): string =>
  path.replace(/\.asar([\\/])/, '.asar.unpacked$1')

export const sqliteDriverForWorkers = (): string =>
  workerLoadablePath(require.resolve('better-sqlite3'))
