/** Ctrl+Z / Cmd+Z undoes the last mapping edit, except inside a text box (its own undo wins). */
import { useEffect } from 'react'

const isTextEntry = (el: Element | null): boolean =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement

export function useUndoShortcut(enabled: boolean, undo: () => void): void {
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || e.shiftKey || e.altKey || !(e.ctrlKey || e.metaKey)) return
      if (isTextEntry(document.activeElement)) return
      e.preventDefault()
      undo()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, undo])
}
