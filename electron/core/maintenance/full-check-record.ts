/** Where the last full integrity_check is remembered: two app_meta keys, read and written through its repository. */
import type { FullCheckRecord } from '../../../shared/contract/maintenance'
import type { AppMetaRepo } from '../store'

export const LAST_CHECK_AT_KEY = 'last_integrity_check_at'
export const LAST_CHECK_RESULT_KEY = 'last_integrity_check_result'

export function readFullCheck(meta: AppMetaRepo): FullCheckRecord | null {
  const at = meta.get(LAST_CHECK_AT_KEY)
  if (at === null || Number.isNaN(Date.parse(at))) return null
  return { at, ok: meta.get(LAST_CHECK_RESULT_KEY) === 'ok' }
}

export function recordFullCheck(meta: AppMetaRepo, record: FullCheckRecord): void {
  meta.set(LAST_CHECK_AT_KEY, record.at)
  meta.set(LAST_CHECK_RESULT_KEY, record.ok ? 'ok' : 'failed')
}
