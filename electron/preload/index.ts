/**
 * Preload of the main window (sandbox: true). It exposes `window.roster` and nothing else; the page
 * never sees ipcRenderer or an IpcRendererEvent.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildRosterApi, type PreloadIpc } from './build-api'

const ipc: PreloadIpc = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(channel, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
}

contextBridge.exposeInMainWorld('roster', buildRosterApi(ipc))
