/**
 * Runs being watched: the live progress of each run started or seen running in this session, and the
 * run it became once finished. `runsVersion` changes whenever a run finishes, so lists that show what
 * runs write (people, SaaS users, runs, dashboard) know to fetch again.
 */
import type { StateCreator } from 'zustand'
import type { Run, RunProgress } from '../../../../shared/domain/run'
import type { AppState } from '../../app/store'

export type TrackedRun = {
  runId: string
  integrationId: string
  startedAt: string
  progress: RunProgress | null
  /** Set once runs:finished arrived: the panel then shows the outcome instead of the live bar. */
  finished: Run | null
}

export type RunsSlice = {
  /** The latest tracked run of each integration, by integration id. */
  trackedRuns: Record<string, TrackedRun>
  runsVersion: number
  /** Run whose detail is open on the Activity page. */
  openRunId: string | null

  trackRun: (run: Run) => void
  applyProgress: (p: RunProgress) => void
  runFinished: (run: Run) => void
  dismissTrackedRun: (integrationId: string) => void
  openRun: (runId: string | null) => void
}

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set) => ({
  trackedRuns: {},
  runsVersion: 0,
  openRunId: null,

  trackRun: (run) =>
    set((s) => {
      const existing = s.trackedRuns[run.integrationId]
      // runs:finished may overtake the run-now answer on a tiny organization: keep the outcome.
      if (existing?.runId === run.id && existing.finished) return {}
      const done = run.status !== 'running'
      return {
        trackedRuns: {
          ...s.trackedRuns,
          [run.integrationId]: {
            runId: run.id,
            integrationId: run.integrationId,
            startedAt: run.startedAt,
            progress: existing?.runId === run.id ? existing.progress : null,
            finished: done ? run : null
          }
        }
      }
    }),
  applyProgress: (p) =>
    set((s) => {
      const existing = s.trackedRuns[p.integrationId]
      if (existing?.runId === p.runId && existing.finished) return {}
      return {
        trackedRuns: {
          ...s.trackedRuns,
          [p.integrationId]: {
            runId: p.runId,
            integrationId: p.integrationId,
            startedAt: existing?.runId === p.runId ? existing.startedAt : new Date().toISOString(),
            progress: p,
            finished: null
          }
        }
      }
    }),
  runFinished: (run) =>
    set((s) => {
      const existing = s.trackedRuns[run.integrationId]
      return {
        runsVersion: s.runsVersion + 1,
        trackedRuns: {
          ...s.trackedRuns,
          [run.integrationId]: {
            runId: run.id,
            integrationId: run.integrationId,
            startedAt: run.startedAt,
            progress: existing?.runId === run.id ? existing.progress : null,
            finished: run
          }
        }
      }
    }),
  dismissTrackedRun: (integrationId) =>
    set((s) => ({
      trackedRuns: Object.fromEntries(
        Object.entries(s.trackedRuns).filter(([k]) => k !== integrationId)
      )
    })),
  openRun: (openRunId) => set({ openRunId })
})
