/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert, Escape
 * closes it, Tab wraps inside it, and focus goes back to whatever opened it. Render it only while open.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

type Props = {
  title: string
  onClose: () => void
  children: ReactNode
  /** 'alertdialog' for confirmations that interrupt the admin. */
  role?: 'dialog' | 'alertdialog'
  className?: string
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export function Dialog({ title, onClose, children, role = 'dialog', className }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (dialog && !dialog.open) dialog.showModal()
    return () => {
      if (dialog?.open) dialog.close()
      opener?.focus()
    }
  }, [])

  const wrapTab = (e: KeyboardEvent<HTMLDialogElement>): void => {
    if (e.key !== 'Tab' || !ref.current) return
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE))
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault()
      first.focus()
    }
  }

  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      aria-modal="true"
      className={['dialog', className].filter(Boolean).join(' ')}
      onCancel={(e) => {
        // Escape: let React state close the dialog so it unmounts cleanly.
        e.preventDefault()
        onClose()
      }}
      onKeyDown={wrapTab}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
