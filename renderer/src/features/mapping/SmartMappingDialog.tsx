/**
 * Smart Mapping: the core proposes a complete mapping with a reason and a confidence per field; the
 * admin ticks what to accept. The admin's own mappings stay unless "also replace my mappings" is on.
 */
import { useEffect, useState } from 'react'
import type { SmartMappingResult } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'
import { Dialog } from '../../lib/Dialog'
import { describeTransform } from './labels'
import { applyProposals, setMapping } from './model'

const STATUS_LABELS = { new: 'New', kept: 'Yours, kept', replaced: 'Replaces yours' } as const

export function SmartMappingDialog({ onClose }: { onClose: () => void }) {
  const mapping = useAppStore((s) => s.mappingHistory?.present.mapping)
  const targets = useAppStore((s) => s.mappingTargets)
  const sources = useAppStore((s) => s.mappingSources)
  const editDraft = useAppStore((s) => s.editDraft)
  const [overwrite, setOverwrite] = useState(false)
  const [answer, setAnswer] = useState<{ overwrite: boolean; result: SmartMappingResult } | null>(
    null
  )
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const [error, setError] = useState<string | null>(null)
  const result = answer?.overwrite === overwrite ? answer.result : null

  useEffect(() => {
    if (!mapping) return
    let live = true
    void call('mapping:smart', { mapping, overwrite }).then((res) => {
      if (!live) return
      if (!res.ok) return setError(res.error.message)
      setAnswer({ overwrite, result: res.value })
      // Everything that changes something starts ticked; kept entries are already in place.
      setPicked(new Set(res.value.proposals.flatMap((p, i) => (p.status === 'kept' ? [] : [i]))))
    })
    return () => {
      live = false
    }
    // Re-ask only when the option changes: the draft does not change while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [overwrite])

  const targetLabel = (key: string) => targets.find((t) => t.key === key)?.label ?? key
  const sourceLabel = (key: string) =>
    sources?.fields.find((f) => f.key === key)?.label ?? (key === 'constant' ? 'Fixed value' : key)
  const toggle = (i: number, on: boolean) =>
    setPicked((old) => {
      const next = new Set(old)
      if (on) next.add(i)
      else next.delete(i)
      return next
    })
  const accept = () => {
    if (!result) return
    const names = new Map(
      (sources?.fields ?? []).filter((f) => f.group === 'api').map((f) => [f.key, f.label])
    )
    const chosen = result.proposals.filter((p, i) => picked.has(i) && p.status !== 'kept')
    editDraft((d) => setMapping(d, applyProposals(d.mapping, chosen, names)))
    onClose()
  }

  return (
    <Dialog title="Smart Mapping" onClose={onClose} className="dialog-xwide">
      <p className="muted">
        Proposals from the field names and the values in the last read. Tick the ones to accept.
      </p>
      <label className="radio">
        <input
          type="checkbox"
          checked={overwrite}
          onChange={(e) => setOverwrite(e.target.checked)}
        />
        Also replace my mappings
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!result && !error ? (
        <p className="muted" role="status">
          Working out a mapping…
        </p>
      ) : null}
      {result ? (
        <div className="smart-scroll">
          <table className="table table-compact" aria-label="Proposals">
            <thead>
              <tr>
                <th scope="col">Accept</th>
                <th scope="col">Target field</th>
                <th scope="col">Source</th>
                <th scope="col">Why</th>
                <th scope="col">Confidence</th>
              </tr>
            </thead>
            <tbody>
              {result.proposals.map((p, i) => (
                <tr key={`${p.target}:${i}`} data-testid="proposal" data-status={p.status}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Accept ${sourceLabel(p.source)} → ${targetLabel(p.target)}`}
                      checked={p.status === 'kept' || picked.has(i)}
                      disabled={p.status === 'kept'}
                      onChange={(e) => toggle(i, e.target.checked)}
                    />
                  </td>
                  <th scope="row">
                    {targetLabel(p.target)}
                    <div className="field-hint">{STATUS_LABELS[p.status]}</div>
                  </th>
                  <td>
                    {sourceLabel(p.source)}
                    {p.transforms.length > 0 ? (
                      <div className="field-hint">
                        {p.transforms.map(describeTransform).join(' → ')}
                      </div>
                    ) : null}
                  </td>
                  <td>{p.reason}</td>
                  <td>
                    <meter min={0} max={1} value={p.confidence} aria-label="Confidence" />{' '}
                    {Math.round(p.confidence * 100)}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.unmatched.length > 0 ? (
            <p className="field-hint">
              No good source for: {result.unmatched.map(targetLabel).join(', ')}.
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!result || picked.size === 0}
          onClick={accept}
        >
          Accept {picked.size} selected
        </button>
      </div>
    </Dialog>
  )
}
