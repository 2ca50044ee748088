/**
 * One list of records (People, Webex users) over a paged list channel: search (debounced, on the
 * server), sort by header, filters, a column chooser, the total, and a virtual table that asks only
 * for the windows in view. Both lists use this component with their own channels.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Envelope } from '../../../../shared/contract/envelope'
import type { ColumnInfo, ListFilter, ListQuery } from '../../../../shared/domain/list-query'
import { useAppStore } from '../../app/store'
import { ColumnChooser } from './ColumnChooser'
import { FilterBar } from './FilterBar'
import type { RecordListKey } from './slice'
import { useDebounced } from './use-debounced'
import { useWindowedRows, type Page } from './use-windowed-rows'
import { VirtualTable, type Sort } from './VirtualTable'

export type RecordListProps<T> = {
  listKey: RecordListKey
  /** "people", "Webex users": used in labels. */
  noun: string
  list: (q: ListQuery) => Promise<Envelope<Page<T>>>
  columns: () => Promise<Envelope<ColumnInfo[]>>
  rowId: (row: T) => string
  /** Shown when the list is empty with no search or filter. */
  empty: ReactNode
}

const SEARCH_DEBOUNCE_MS = 150
const fmt = new Intl.NumberFormat()

export function RecordList<T>({ listKey, noun, list, columns, rowId, empty }: RecordListProps<T>) {
  const [allColumns, setAllColumns] = useState<ColumnInfo[] | null>(null)
  const [columnsError, setColumnsError] = useState<string | null>(null)
  const [sort, setSort] = useState<Sort | undefined>(undefined)
  const [searchText, setSearchText] = useState('')
  const [filters, setFilters] = useState<ListFilter[]>([])
  const [range, setRange] = useState({ start: 0, end: 0 })
  const search = useDebounced(searchText.trim(), SEARCH_DEBOUNCE_MS)
  const runsVersion = useAppStore((s) => s.runsVersion)
  const chosen = useAppStore((s) => s.visibleColumns[listKey])
  const setVisibleColumns = useAppStore((s) => s.setVisibleColumns)
  const openRecord = useAppStore((s) => s.openRecord)

  useEffect(() => {
    let live = true
    void columns().then((res) => {
      if (!live) return
      if (res.ok) setAllColumns(res.value)
      else setColumnsError(res.error.message)
    })
    return () => {
      live = false
    }
  }, [columns])

  const queryKey = JSON.stringify({ sort, search, filters, runsVersion })
  const fetchWindow = useCallback(
    (offset: number, limit: number) =>
      list({ offset, limit, sort, filters, ...(search ? { search } : {}) }),
    [list, sort, filters, search]
  )
  const rows = useWindowedRows(fetchWindow, queryKey, range)

  const visible = useMemo(() => {
    const all = allColumns ?? []
    const keys = chosen?.filter((k) => all.some((c) => c.key === k))
    return keys && keys.length > 0
      ? all.filter((c) => keys.includes(c.key))
      : all.filter((c) => c.defaultVisible)
  }, [allColumns, chosen])

  const onSort = (column: string): void =>
    setSort((s) =>
      s?.column !== column
        ? { column, direction: 'asc' }
        : s.direction === 'asc'
          ? { column, direction: 'desc' }
          : undefined
    )
  const onOpen = useCallback(
    (row: T) => openRecord(listKey, rowId(row)),
    [openRecord, listKey, rowId]
  )
  const cellValue = useCallback((row: T, key: string) => (row as Record<string, unknown>)[key], [])

  const narrowed = search !== '' || filters.length > 0
  const error = columnsError ?? rows.error
  const total = rows.total

  if (total === 0 && !narrowed && !rows.stale) return <>{empty}</>
  return (
    <div className="record-list">
      <div className="toolbar">
        <input
          type="search"
          className="input search"
          aria-label={`Search ${noun}`}
          placeholder={`Search ${noun} by name or email`}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
        />
        {allColumns ? (
          <FilterBar columns={allColumns} filters={filters} onChange={setFilters} />
        ) : null}
        <span className="toolbar-spacer" />
        <span className="muted" data-testid="record-total" aria-live="polite">
          {total === null ? 'Loading…' : `${fmt.format(total)} ${noun}`}
        </span>
        {allColumns ? (
          <ColumnChooser
            columns={allColumns}
            visible={visible.map((c) => c.key)}
            onChange={(keys) => setVisibleColumns(listKey, keys)}
          />
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {total === 0 ? (
        <p className="muted" data-testid="no-matches">
          No {noun} match the search or filters.
        </p>
      ) : null}
      <VirtualTable
        label={noun.charAt(0).toUpperCase() + noun.slice(1)}
        columns={visible}
        rowCount={total ?? 0}
        getRow={rows.getRow}
        cellValue={cellValue}
        onOpen={onOpen}
        sort={sort}
        onSort={onSort}
        onRange={setRange}
      />
    </div>
  )
}
