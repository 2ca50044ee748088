/** What a screen reader hears while a source is dragged onto a target. */
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core'
import type { SourceDragData } from './SourceCard'
import type { TargetDropData } from './TargetRow'

type WithData = { data: { current?: Record<string, unknown> | undefined } } | null

const sourceName = (a: WithData): string =>
  (a?.data.current as SourceDragData | undefined)?.source.label ?? 'the source'
const targetName = (o: WithData): string | null =>
  (o?.data.current as TargetDropData | undefined)?.target.label ?? null

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'To map this source, press Space or Enter to pick it up, use the arrow keys (or Tab) to move ' +
    'between target fields, then press Space or Enter to drop it there. Press Escape to cancel.'
}

export const announcements: Announcements = {
  onDragStart: ({ active }) =>
    `Picked up source ${sourceName(active)}. Use the arrow keys to choose a target field.`,
  onDragOver: ({ active, over }) => {
    const target = targetName(over)
    return target
      ? `${sourceName(active)} is over target field ${target}. Press Space to map it here.`
      : `${sourceName(active)} is not over a target field.`
  },
  onDragEnd: ({ active, over }) => {
    const target = targetName(over)
    return target
      ? `Mapped ${sourceName(active)} to ${target}.`
      : `${sourceName(active)} was dropped outside any target field; nothing changed.`
  },
  onDragCancel: ({ active }) => `Cancelled. ${sourceName(active)} was not mapped.`
}
