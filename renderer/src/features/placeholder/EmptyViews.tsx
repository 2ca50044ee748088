/** Views whose features come later: each says what the admin should do first. */
import { EmptyState } from '../shell/EmptyState'

export function WorkflowsView() {
  return (
    <EmptyState title="No workflows yet">
      Workflows act on people and Webex users. Run an integration first so there is something to act
      on.
    </EmptyState>
  )
}

export function ReportsView() {
  return (
    <EmptyState title="No reports yet">
      Reports query your local copy of the organization. They become useful after the first sync.
    </EmptyState>
  )
}
