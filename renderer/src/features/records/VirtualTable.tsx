/**
 * A grid of any number of rows with only the visible ones in the DOM (TanStack Virtual), fixed 32 px
 * rows, server-side sorting from the column headers, and keyboard navigation: the grid takes focus,
 * arrows / Page Up / Page Down / Home / End move the active row, Enter opens it. The active row is
 * announced through aria-activedescendant, so it works even though rows mount and unmount.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ColumnInfo } from '../../../../shared/domain/list-query'
import { formatCell } from './format-cell'

export const ROW_HEIGHT = 32

export type Sort = { column: string; direction: 'asc' | 'desc' }

type Props<T> = {
  label: string
  columns: ColumnInfo[]
  rowCount: number
  getRow: (index: number) => T | undefined
  cellValue: (row: T, column: string) => unknown
  onOpen: (row: T) => void
  sort: Sort | undefined
  onSort: (column: string) => void
  onRange: (range: { start: number; end: number }) => void
}

export function VirtualTable<T>(props: Props<T>) {
  const { label, columns, rowCount, getRow, cellValue, onOpen, sort, onSort, onRange } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const idBase = useId()
  const [active, setActive] = useState(0)
  // The library keeps its own mutable state; the React Compiler cannot memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header row sits above the body inside the same scroller.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT
  })
  const items = virtualizer.getVirtualItems()
  const start = items[0]?.index ?? 0
  const end = items[items.length - 1]?.index ?? 0

  useEffect(() => onRange({ start, end }), [start, end, onRange])

  const activeIndex = Math.min(active, Math.max(0, rowCount - 1))
  const template = `repeat(${columns.length}, minmax(140px, 1fr))`
  const minWidth = `${columns.length * 140}px`

  const move = (to: number): void => {
    const next = Math.max(0, Math.min(rowCount - 1, to))
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  const pageRows = Math.max(
    1,
    Math.floor((scrollRef.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.target !== e.currentTarget || rowCount === 0) return
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + pageRows),
      PageUp: () => move(activeIndex - pageRows),
      Home: () => move(0),
      End: () => move(rowCount - 1),
      Enter: () => {
        const row = getRow(activeIndex)
        if (row !== undefined) onOpen(row)
      }
    }
    const action = keys[e.key]
    if (action) {
      e.preventDefault()
      action()
    }
  }

  return (
    <div
      ref={scrollRef}
      className="vt"
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-activedescendant={rowCount > 0 ? `${idBase}-r${activeIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div
        className="vt-head"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template, minWidth }}
      >
        {columns.map((c) => {
          const dir = sort?.column === c.key ? sort.direction : null
          return (
            <div
              key={c.key}
              role="columnheader"
              className="vt-cell vt-headcell"
              aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
            >
              {c.sortable ? (
                <button
                  type="button"
                  className="vt-sort"
                  onClick={() => onSort(c.key)}
                  title={`Sort by ${c.label}`}
                >
                  {c.label}
                  <span aria-hidden="true">
                    {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </div>
          )
        })}
      </div>
      <div className="vt-body" style={{ height: `${virtualizer.getTotalSize()}px`, minWidth }}>
        {items.map((item) => {
          const row = getRow(item.index)
          return (
            <div
              key={item.key}
              id={`${idBase}-r${item.index}`}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={item.index === activeIndex}
              data-testid={row === undefined ? 'vt-row-loading' : 'vt-row'}
              className={item.index === activeIndex ? 'vt-row vt-row-active' : 'vt-row'}
              style={{
                transform: `translateY(${item.start - ROW_HEIGHT}px)`,
                gridTemplateColumns: template
              }}
              onClick={() => {
                setActive(item.index)
                if (row !== undefined) onOpen(row)
              }}
            >
              {columns.map((c) => (
                <div key={c.key} role="gridcell" className="vt-cell">
                  {row === undefined ? (
                    <span className="vt-placeholder" aria-hidden="true" />
                  ) : (
                    formatCell(cellValue(row, c.key), c.type)
                  )}
                </div>
              ))}
            </div>
          )
        })}
      </div>
    </div>
  )
}
