import { useAppStore } from '../../app/store'
import { VIEW_TITLES, type View } from '../../app/views'

function NavItem({ view, label }: { view: View; label?: string }) {
  const current = useAppStore((s) => s.view === view)
  const navigate = useAppStore((s) => s.navigate)
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        data-view={view}
        aria-current={current ? 'page' : undefined}
        onClick={() => navigate(view)}
      >
        {label ?? VIEW_TITLES[view]}
      </button>
    </li>
  )
}

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Roster</div>
      <ul className="nav-list">
        <NavItem view="dashboard" />
        <NavItem view="people" />
        <li className="nav-group">
          <span className="nav-group-label" id="nav-saas">
            SaaS
          </span>
          <ul className="nav-list nested" aria-labelledby="nav-saas">
            <li className="nav-group">
              <span className="nav-group-label" id="nav-webex">
                Webex
              </span>
              <ul className="nav-list nested" aria-labelledby="nav-webex">
                <NavItem view="webex-users" label="Users" />
              </ul>
            </li>
          </ul>
        </li>
        <NavItem view="integrations" />
        <NavItem view="workflows" />
        <NavItem view="reports" />
        <NavItem view="credentials" />
        <NavItem view="activity" />
      </ul>
    </nav>
  )
}
