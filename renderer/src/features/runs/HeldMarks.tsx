/**
 * "Not in Webex" marks the run held because they were more than the safety threshold. Allowing them
 * needs an explicit confirmation (runs:allow-held with confirm: true).
 */
import { useState } from 'react'
import type { RunDetail } from '../../../../shared/domain/run'
import { call } from '../../lib/call'
import { ConfirmDialog } from '../../lib/ConfirmDialog'
import { Pager } from '../../lib/Pager'
import { formatCount } from './labels'

type Props = {
  runId: string
  held: RunDetail['held']
  offset: number
  onOffset: (o: number) => void
  onAllowed: () => void
}

export function HeldMarks({ runId, held, offset, onOffset, onAllowed }: Props) {
  const [confirming, setConfirming] = useState(false)

  const allow = async (): Promise<string | null> => {
    const res = await call('runs:allow-held', { id: runId, confirm: true })
    if (!res.ok) return res.error.message
    onAllowed()
    return null
  }

  return (
    <section className="card stack" aria-labelledby="held-title" data-testid="held-marks">
      <h3 id="held-title">Held: {formatCount(held.total)} accounts to mark “not in Webex”</h3>
      <p>
        This run found more accounts missing from Webex than the safety threshold allows, so it did
        not mark them. Check the list; allow the marks only if these people really left.
      </p>
      <ul className="held-list">
        {held.rows.map((h) => (
          <li key={h.saasUserId}>
            {h.displayName ?? '—'} <span className="muted">{h.email ?? h.webexId}</span>
          </li>
        ))}
      </ul>
      <Pager offset={offset} total={held.total} size={50} onOffset={onOffset} />
      <div>
        <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
          Allow
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={`Mark ${formatCount(held.total)} accounts “not in Webex”?`}
          confirmLabel={`Mark ${formatCount(held.total)} accounts`}
          onConfirm={allow}
          onClose={() => setConfirming(false)}
        >
          <p>
            Roster marks these {formatCount(held.total)} Webex users as no longer in Webex. Nothing
            is deleted, and the mark clears by itself if an account shows up again.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
