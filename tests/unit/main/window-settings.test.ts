import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import { secureWebPreferences } from '../../../electron/main/policy/web-preferences'
import { resolveDataDir } from '../../../electron/main/policy/data-dir'

describe('secureWebPreferences (security.md S1)', () => {
  it('pins every security flag', () => {
    const prefs = secureWebPreferences({ preload: '/app/out/preload/index.js', devTools: false })
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('additionalArguments')
  })

  it('enables DevTools only when asked (development builds)', () => {
    expect(secureWebPreferences({ preload: 'p', devTools: true }).devTools).toBe(true)
  })
})

describe('resolveDataDir', () => {
  it('uses ROSTER_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ ROSTER_DATA_DIR: '/tmp/roster-a' }, '/home/u/.config/Roster')).toBe(
      '/tmp/roster-a'
    )
    expect(resolveDataDir({ ROSTER_DATA_DIR: 'rel/dir' }, '/x')).toBe(resolve('rel/dir'))
  })

  it("falls back to Electron's userData when unset or blank", () => {
    expect(resolveDataDir({}, '/home/u/.config/Roster')).toBe('/home/u/.config/Roster')
    expect(resolveDataDir({ ROSTER_DATA_DIR: '  ' }, '/u')).toBe('/u')
  })
})
