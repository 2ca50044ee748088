/** The core's plain-language checks of the draft (mandatory mappings, types), debounced. */
import { useEffect, useRef, useState } from 'react'
import type { ValidationIssue } from '../../../../shared/domain/mapping-studio'
import { call } from '../../lib/call'
import type { Draft } from './model'

export type Validation = { ok: boolean; issues: ValidationIssue[] } | null

export function useValidation(draft: Draft | null, delayMs = 250): Validation {
  const [result, setResult] = useState<Validation>(null)
  const latest = useRef(0)
  const key = draft ? JSON.stringify(draft) : ''

  useEffect(() => {
    const ticket = ++latest.current
    if (!key) return
    const timer = setTimeout(() => {
      const d = JSON.parse(key) as Draft
      void call('mapping:validate', d).then((res) => {
        if (ticket === latest.current && res.ok) setResult(res.value)
      })
    }, delayMs)
    return () => clearTimeout(timer)
  }, [key, delayMs])

  return result
}

/** The issues about one field (a target key, `syncKeys` or `filters`). */
export const issuesFor = (v: Validation, field: string): ValidationIssue[] =>
  v ? v.issues.filter((i) => i.field === field) : []
