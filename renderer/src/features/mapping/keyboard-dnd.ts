/**
 * Keyboard drag and drop between the two columns. dnd-kit's own keyboard sensor nudges the dragged
 * item 25 px per arrow key and scrolls the item's own (source) column as it goes, which over two
 * scrolling columns means many presses and a target that depends on pixels. This sensor steps
 * through the target fields in page order instead (arrows, Tab / Shift+Tab), scrolls the chosen
 * target into view, and the drop goes to exactly the target that was announced. With the mouse, the
 * target is whatever the pointer is within.
 */
import {
  pointerWithin,
  type CollisionDetection,
  type DroppableContainer,
  type DroppableContainers,
  type SensorInstance,
  type SensorProps,
  type UniqueIdentifier
} from '@dnd-kit/core'
import type { KeyboardEvent as ReactKeyboardEvent } from 'react'

const START = ['Space', 'Enter']
const DROP = ['Space', 'Enter']
const FORWARD = ['ArrowDown', 'ArrowRight']
const BACKWARD = ['ArrowUp', 'ArrowLeft']

export type TargetNavigator = {
  /** Moves to the next (or previous) enabled target; its node, or null when there is none. */
  step: (forward: boolean, containers: DroppableContainers) => HTMLElement | null
  collisionDetection: CollisionDetection
  /** Forget the keyboard target (at the start and end of every drag). */
  reset: () => void
}

function inPageOrder(containers: DroppableContainer[]): DroppableContainer[] {
  return containers
    .filter((c) => c.node.current)
    .sort((a, b) => {
      const an = a.node.current
      const bn = b.node.current
      if (!an || !bn) return 0
      return an.compareDocumentPosition(bn) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
    })
}

export function createTargetNavigator(): TargetNavigator {
  let current: UniqueIdentifier | null = null
  return {
    step: (forward, containers) => {
      const targets = inPageOrder(containers.getEnabled())
      if (targets.length === 0) return null
      const at = targets.findIndex((t) => t.id === current)
      const index =
        at === -1
          ? forward
            ? 0
            : targets.length - 1
          : Math.min(targets.length - 1, Math.max(0, at + (forward ? 1 : -1)))
      const next = targets[index]
      if (!next) return null
      current = next.id
      return next.node.current
    },
    collisionDetection: (args) => {
      if (args.pointerCoordinates) return pointerWithin(args)
      const chosen = args.droppableContainers.find((c) => c.id === current)
      return chosen ? [{ id: chosen.id, data: { droppableContainer: chosen, value: 1 } }] : []
    },
    reset: () => {
      current = null
    }
  }
}

export type TargetKeyboardOptions = { navigator: TargetNavigator }

export class TargetKeyboardSensor implements SensorInstance {
  autoScrollEnabled = false
  private readonly origin: { x: number; y: number; height: number }
  private readonly doc: Document

  constructor(private readonly props: SensorProps<TargetKeyboardOptions>) {
    const target = props.event.target
    this.doc = target instanceof Node && target.ownerDocument ? target.ownerDocument : document
    const rect = props.activeNode.node.current?.getBoundingClientRect()
    this.origin = { x: rect?.left ?? 0, y: rect?.top ?? 0, height: rect?.height ?? 0 }
    props.onStart({ x: 0, y: 0 })
    // From the next tick: the key press that picked the source up must not also drop it.
    setTimeout(() => this.doc.addEventListener('keydown', this.onKeyDown))
    window.addEventListener('resize', this.cancel)
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (DROP.includes(e.code)) {
      e.preventDefault()
      this.detach()
      this.props.onEnd()
      return
    }
    if (e.code === 'Escape') return this.cancel(e)
    const forward = FORWARD.includes(e.code) || (e.code === 'Tab' && !e.shiftKey)
    const backward = BACKWARD.includes(e.code) || (e.code === 'Tab' && e.shiftKey)
    if (!forward && !backward) return
    e.preventDefault()
    const { navigator } = this.props.options
    const node = navigator.step(forward, this.props.context.current.droppableContainers)
    if (!node) return
    node.scrollIntoView({ block: 'nearest' })
    const r = node.getBoundingClientRect()
    // The dragged item sits at the target's left edge, vertically centred on it.
    this.props.onMove({
      x: r.left + 8 - this.origin.x,
      y: r.top + (r.height - this.origin.height) / 2 - this.origin.y
    })
  }

  private readonly cancel = (e?: Event): void => {
    e?.preventDefault()
    this.detach()
    this.props.onCancel()
  }

  private detach(): void {
    this.doc.removeEventListener('keydown', this.onKeyDown)
    window.removeEventListener('resize', this.cancel)
  }

  static activators = [
    {
      eventName: 'onKeyDown' as const,
      handler: (
        event: ReactKeyboardEvent,
        _options: TargetKeyboardOptions,
        { active }: { active: { activatorNode: { current: HTMLElement | null } } }
      ): boolean => {
        if (!START.includes(event.nativeEvent.code)) return false
        const activator = active.activatorNode.current
        if (activator && event.target !== activator) return false
        event.preventDefault()
        return true
      }
    }
  ]
}
