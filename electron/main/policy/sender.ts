/**
 * Who may call the core through IPC (security.md S5, advisory GHSA-mq8j-3h7h-p8g7): only the top
 * frame of one of our own windows, showing a page from the app origin. A sub-frame or a navigated-away
 * page is refused even though it shares the preload's ipcRenderer.
 */
import { isAppUrl } from './app-origin'

/** What main knows about an IPC sender, taken from the Electron event by the thin IPC shell. */
export type SenderInfo = {
  /** `BrowserWindow.fromWebContents(event.sender)` is one of the windows main created. */
  isAppWindow: boolean
  /** `event.senderFrame` is the main frame (no parent). False when the frame is gone. */
  isTopFrame: boolean
  /** `event.senderFrame.url`, or null when the frame was destroyed before the call arrived. */
  frameUrl: string | null
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string }

export function checkSender(sender: SenderInfo): SenderVerdict {
  if (!sender.isAppWindow) return { ok: false, reason: 'not-an-app-window' }
  if (!sender.isTopFrame) return { ok: false, reason: 'not-the-top-frame' }
  if (!isAppUrl(sender.frameUrl)) return { ok: false, reason: 'foreign-origin' }
  return { ok: true }
}
