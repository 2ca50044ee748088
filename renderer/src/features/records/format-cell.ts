/** One list cell as text, by the column's type. */
import type { ColumnType } from '../../../../shared/domain/list-query'
import { formatAbsolute } from '../../lib/format-time'

const numberFormat = new Intl.NumberFormat()

export function formatCell(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ')
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') return numberFormat.format(value)
  if (type === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    return formatAbsolute(value)
  return typeof value === 'string' ? value : JSON.stringify(value)
}
