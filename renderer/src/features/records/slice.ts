/**
 * What the admin chose on the record lists (People, Webex users): visible columns, and which record's
 * page is open. Column choices are also kept in localStorage so they survive a reload; they are only
 * column keys, never record data.
 */
import type { StateCreator } from 'zustand'
import type { AppState } from '../../app/store'

export type RecordListKey = 'people' | 'saas-users'

export type RecordsSlice = {
  /** Visible column keys per list; absent = the columns the core marks defaultVisible. */
  visibleColumns: Partial<Record<RecordListKey, string[]>>
  openRecordIds: Partial<Record<RecordListKey, string>>
  setVisibleColumns: (list: RecordListKey, keys: string[] | null) => void
  openRecord: (list: RecordListKey, id: string | null) => void
}

const STORAGE_KEY = 'roster.visibleColumns'

function loadColumns(): Partial<Record<RecordListKey, string[]>> {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    const parsed: unknown = raw ? JSON.parse(raw) : {}
    if (typeof parsed !== 'object' || parsed === null) return {}
    const out: Partial<Record<RecordListKey, string[]>> = {}
    for (const key of ['people', 'saas-users'] as const) {
      const v = (parsed as Record<string, unknown>)[key]
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[key] = v
    }
    return out
  } catch {
    return {}
  }
}

function saveColumns(value: Partial<Record<RecordListKey, string[]>>): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the choice still holds for this session.
  }
}

export const createRecordsSlice: StateCreator<AppState, [], [], RecordsSlice> = (set) => ({
  visibleColumns: loadColumns(),
  openRecordIds: {},
  setVisibleColumns: (list, keys) =>
    set((s) => {
      const next = { ...s.visibleColumns }
      if (keys) next[list] = keys
      else delete next[list]
      saveColumns(next)
      return { visibleColumns: next }
    }),
  openRecord: (list, id) =>
    set((s) => {
      const next = { ...s.openRecordIds }
      if (id) next[list] = id
      else delete next[list]
      return { openRecordIds: next }
    })
})
