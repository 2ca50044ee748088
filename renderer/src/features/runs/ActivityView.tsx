import { useAppStore } from '../../app/store'
import { RunDetailPage } from './RunDetailPage'
import { RunsList } from './RunsList'

export function ActivityView() {
  const openRunId = useAppStore((s) => s.openRunId)
  return openRunId ? <RunDetailPage id={openRunId} /> : <RunsList />
}
