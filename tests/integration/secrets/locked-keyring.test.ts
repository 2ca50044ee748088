/**
 * S15 against the real stack: a Secret Service whose login keyring is locked (the daemon started
 * without --unlock, no prompter on a headless machine). keytar fails there, so the probe must report
 * the keychain unavailable and the guarded store must refuse the write; nothing falls back.
 * Runs in its own private D-Bus session, so it needs dbus-run-session and gnome-keyring-daemon.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const hasTool = (t: string) => spawnSync('sh', ['-c', `command -v ${t}`]).status === 0
const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((t) => !hasTool(t))
const required = process.env.ROSTER_REQUIRE_KEYCHAIN === '1'
const skip = (process.platform !== 'linux' || missing.length > 0) && !required
if (skip)
  console.warn(
    `[locked-keyring.test] SKIPPED: needs Linux with ${missing.join(', ') || 'gnome-keyring'}`
  )

it.skipIf(skip)('a locked keyring makes the probe fail and the guarded store refuse writes', () => {
  const home = mkdtempSync(join(tmpdir(), 'roster-locked-keyring-'))
  try {
    const script = `
      XDG_DATA_HOME="$0" gnome-keyring-daemon --start --components=secrets >/dev/null
      exec "$@"`
    const r = spawnSync(
      'dbus-run-session',
      [
        '--',
        'bash',
        '-c',
        script,
        home,
        join(process.cwd(), 'node_modules/.bin/tsx'),
        'tests/support/probe-keychain.ts',
        `Roster-test-locked-${process.pid}`
      ],
      {
        cwd: process.cwd(),
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, DISPLAY: '' }
      }
    )
    const line = r.stdout.trim().split('\n').at(-1) ?? ''
    expect(line, `child output:\n${r.stdout}\n${r.stderr}`).toMatch(/^\{/)
    const out = JSON.parse(line) as {
      probe: { available: boolean; message: string | null }
      write: { ok: boolean; code?: string }
    }
    expect(out.probe.available).toBe(false)
    expect(out.probe.message).toMatch(/^The system keychain is not available \(.+\)\./)
    expect(out.write).toEqual({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' })
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
})
