import type { ReactNode } from 'react'

type Props = { title: string; children: ReactNode; actions?: ReactNode }

/** What to show where there is nothing yet: say why, and what to do next. */
export function EmptyState({ title, children, actions }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-text">{children}</p>
      {actions ? <div className="empty-state-actions">{actions}</div> : null}
    </section>
  )
}
