/**
 * An action on the local database from a banner or the header (restore, back up): busy while it
 * runs, a short note when it says something, and the app status reloaded afterwards either way.
 */
import { useState } from 'react'
import { useAppStore } from '../../app/store'

export function useStatusAction(action: () => Promise<string | null>) {
  const loadStatus = useAppStore((s) => s.loadStatus)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const run = async () => {
    setBusy(true)
    setNote(null)
    const said = await action()
    setBusy(false)
    setNote(said)
    await loadStatus()
  }
  return { busy, note, run: () => void run() }
}
