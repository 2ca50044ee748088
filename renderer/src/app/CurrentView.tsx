import { CredentialsView } from '../features/credentials/CredentialsView'
import { DashboardView } from '../features/dashboard/DashboardView'
import {
  ActivityView,
  IntegrationsView,
  PeopleView,
  ReportsView,
  WebexUsersView,
  WorkflowsView
} from '../features/placeholder/EmptyViews'
import { useAppStore } from './store'

export function CurrentView() {
  const view = useAppStore((s) => s.view)
  switch (view) {
    case 'dashboard':
      return <DashboardView />
    case 'people':
      return <PeopleView />
    case 'webex-users':
      return <WebexUsersView />
    case 'integrations':
      return <IntegrationsView />
    case 'workflows':
      return <WorkflowsView />
    case 'reports':
      return <ReportsView />
    case 'credentials':
      return <CredentialsView />
    case 'activity':
      return <ActivityView />
  }
}
