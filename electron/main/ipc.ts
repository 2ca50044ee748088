/**
 * The renderer → core relay. `ipcMain.handle` is registered for the contract's request channels and
 * nothing else; every call passes `validateRendererCall` (sender, channel, schema) before it is
 * relayed. Refusals come back as `{ ok: false, error }` envelopes, never as thrown errors, and are
 * logged with the channel and reason only, never the payload.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { REQUEST_CHANNELS, type EventChannel } from '../../shared/contract/channels'
import type { Envelope } from '../../shared/contract/envelope'
import type { Logger } from '../core/log/logger'
import type { CoreSupervisor } from './core-link/core-supervisor'
import type { SenderInfo } from './policy/sender'
import { validateRendererCall } from './policy/validate-call'
import { appWindows, isAppWindow } from './window'

export function senderInfoOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame
  return {
    isAppWindow: isAppWindow(BrowserWindow.fromWebContents(event.sender)),
    isTopFrame: frame !== null && frame === event.sender.mainFrame && frame.parent === null,
    frameUrl: frame?.url ?? null
  }
}

export function registerRendererIpc(core: CoreSupervisor, log: Logger): void {
  for (const channel of REQUEST_CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      const call = validateRendererCall(channel, input, senderInfoOf(event))
      if (!call.ok) {
        log.warn('ipc.rejected', { channel, code: call.code, reason: call.reason })
        return call.envelope
      }
      return core.call(call.channel, call.input)
    })
  }
}

/** Sends a (validated) core event to every app window. */
export function broadcastEvent(channel: EventChannel, payload: unknown): void {
  for (const win of appWindows()) {
    if (!win.webContents.isDestroyed()) win.webContents.send(channel, payload)
  }
}
