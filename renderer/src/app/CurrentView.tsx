import { CredentialsView } from '../features/credentials/CredentialsView'
import { DashboardView } from '../features/dashboard/DashboardView'
import { IntegrationsView } from '../features/integrations/IntegrationsView'
import { PeopleView } from '../features/people/PeopleView'
import { ReportsView, WorkflowsView } from '../features/placeholder/EmptyViews'
import { ActivityView } from '../features/runs/ActivityView'
import { WebexUsersView } from '../features/webex-users/WebexUsersView'
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
