/** Views whose features come later: each says what the admin should do first. */
import { useAppStore } from '../../app/store'
import type { View } from '../../app/views'
import { EmptyState } from '../shell/EmptyState'

function GoButton({ to, label }: { to: View; label: string }) {
  const navigate = useAppStore((s) => s.navigate)
  return (
    <button type="button" className="btn" onClick={() => navigate(to)}>
      {label}
    </button>
  )
}

export function PeopleView() {
  return (
    <EmptyState
      title="No people yet"
      actions={<GoButton to="credentials" label="Go to Credentials" />}
    >
      No people yet. Add a credential and run the Webex users integration.
    </EmptyState>
  )
}

export function WebexUsersView() {
  return (
    <EmptyState
      title="No Webex users yet"
      actions={<GoButton to="integrations" label="Go to Integrations" />}
    >
      Webex accounts appear here after an integration with the “User plus SaaS user” scope runs.
    </EmptyState>
  )
}

export function IntegrationsView() {
  return (
    <EmptyState
      title="No integrations yet"
      actions={<GoButton to="credentials" label="Go to Credentials" />}
    >
      An integration needs an authorized credential. Add and authorize one first.
    </EmptyState>
  )
}

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

export function ActivityView() {
  return (
    <EmptyState title="No activity yet">
      Every integration and workflow run will be listed here with its counts and reasons.
    </EmptyState>
  )
}
