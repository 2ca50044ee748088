/** One source field: draggable with the mouse or the keyboard (Space/Enter picks it up). */
import { useDraggable } from '@dnd-kit/core'
import type { SourceField } from '../../../../shared/domain/mapping-studio'
import { sourceDragId } from './model'

export type SourceDragData = { source: SourceField }

export function SourceCard({ source, mappedTo }: { source: SourceField; mappedTo: number }) {
  const data: SourceDragData = { source }
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: sourceDragId(source.group, source.key),
    data
  })
  const samples = source.samples.slice(0, 3)
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      className="source-card"
      data-dragging={isDragging ? 'true' : undefined}
      data-testid="source-card"
      data-source={source.key}
      aria-label={`${source.label}${mappedTo > 0 ? `, mapped to ${mappedTo} field${mappedTo > 1 ? 's' : ''}` : ''}`}
    >
      <span className="source-label">{source.label}</span>
      {mappedTo > 0 ? <span className="badge source-mapped">{mappedTo}×</span> : null}
      <span className="source-samples muted">
        {samples.length > 0 ? samples.join(' · ') : 'No value in the last read'}
      </span>
    </div>
  )
}
