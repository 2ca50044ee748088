/**
 * Composition root of Electron main. Thin on purpose: every decision lives in policy/ and core-link/
 * (pure, unit-tested without Electron); this file only wires them to Electron's APIs in the order
 * Electron requires (privileged scheme before ready, hardening before the first window).
 */
import { app, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { handleAppProtocol, registerAppScheme } from './app-protocol'
import { createCoreSupervisor } from './core-link/core-supervisor'
import { spawnCoreProcess } from './core-process'
import { broadcastEvent, registerRendererIpc } from './ipc'
import { createMainLogger } from './log'
import { resolveDataDir } from './policy/data-dir'
import { denyAllPermissions, installWebContentsHardening } from './security'
import { createMainWindow, focusWindow, preloadPathFrom } from './window'

const dataDir = resolveDataDir(process.env, app.getPath('userData'))
// Electron's profile follows the data folder, so the single-instance lock is per data folder too.
app.setPath('userData', dataDir)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme()
  start()
}

function start(): void {
  const log = createMainLogger(dataDir)
  installWebContentsHardening(log)

  const core = createCoreSupervisor({
    spawn: () =>
      spawnCoreProcess({
        modulePath: join(__dirname, 'core.js'),
        dataDir,
        appVersion: app.getVersion()
      }),
    openExternal: (url) => shell.openExternal(url),
    emitEvent: broadcastEvent,
    log: (level, event, fields) => log[level](event, fields)
  })

  let mainWindow: BrowserWindow | null = null
  const openMainWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: preloadPathFrom(__dirname),
      iconPath: join(__dirname, '../../resources/icon.png'),
      devTools: !app.isPackaged,
      log
    })
    mainWindow.on('closed', () => (mainWindow = null))
  }

  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow)
  })

  app
    .whenReady()
    .then(() => {
      denyAllPermissions()
      handleAppProtocol(join(__dirname, '../renderer'), log)
      core.start()
      registerRendererIpc(core, log)
      openMainWindow()
      app.on('activate', () => {
        if (mainWindow === null) openMainWindow()
      })
      log.info('app.started', { version: app.getVersion(), packaged: app.isPackaged })
    })
    .catch((err: unknown) => {
      log.error('app.start-failed', { error: err instanceof Error ? err.message : String(err) })
      app.exit(1)
    })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Hold the quit until the core has closed its database (or the stop timeout passed).
  let coreStopped = false
  app.on('will-quit', (event) => {
    if (coreStopped) return
    event.preventDefault()
    void core.stop().then(() => {
      coreStopped = true
      app.quit()
    })
  })
}
