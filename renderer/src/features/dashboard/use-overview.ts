/** The dashboard's numbers: three small reads (totals come from one-row pages), again after each run. */
import { useEffect, useState } from 'react'
import type { RunSummary } from '../../../../shared/domain/run'
import { useAppStore } from '../../app/store'
import { call } from '../../lib/call'

export type Overview = {
  people: number | null
  saasUsers: number | null
  lastRun: RunSummary | null
  error: string | null
}

export function useOverview(): Overview | null {
  const runsVersion = useAppStore((s) => s.runsVersion)
  const [overview, setOverview] = useState<Overview | null>(null)

  useEffect(() => {
    let live = true
    void Promise.all([
      call('people:list', { offset: 0, limit: 1 }),
      call('saas-users:list', { offset: 0, limit: 1 }),
      call('runs:list', { offset: 0, limit: 1 })
    ]).then(([people, saas, runs]) => {
      if (!live) return
      const failed = [people, saas, runs].find((r) => !r.ok)
      setOverview({
        people: people.ok ? people.value.total : null,
        saasUsers: saas.ok ? saas.value.total : null,
        lastRun: runs.ok ? (runs.value.rows[0] ?? null) : null,
        error: failed && !failed.ok ? failed.error.message : null
      })
    })
    return () => {
      live = false
    }
  }, [runsVersion])

  return overview
}
