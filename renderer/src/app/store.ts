/**
 * The renderer's single store: feature slices combined into one bound hook (zustand slices pattern).
 * This is the only create() call; middleware, if ever added, goes here and nowhere else.
 */
import { create } from 'zustand'
import { createCredentialsSlice, type CredentialsSlice } from '../features/credentials/slice'
import { createIntegrationsSlice, type IntegrationsSlice } from '../features/integrations/slice'
import { createMappingSlice, type MappingSlice } from '../features/mapping/slice'
import { createRecordsSlice, type RecordsSlice } from '../features/records/slice'
import { createRunsSlice, type RunsSlice } from '../features/runs/slice'
import { createShellSlice, type ShellSlice } from '../features/shell/slice'
import { createStatusSlice, type StatusSlice } from '../features/status/slice'

export type AppState = ShellSlice &
  StatusSlice &
  CredentialsSlice &
  IntegrationsSlice &
  RunsSlice &
  RecordsSlice &
  MappingSlice

export const useAppStore = create<AppState>()((...a) => ({
  ...createShellSlice(...a),
  ...createStatusSlice(...a),
  ...createCredentialsSlice(...a),
  ...createIntegrationsSlice(...a),
  ...createRunsSlice(...a),
  ...createRecordsSlice(...a),
  ...createMappingSlice(...a)
}))
