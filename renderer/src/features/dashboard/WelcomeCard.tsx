/** First run: no credential yet. Offer the demo organization, or the real thing. */
import { useAppStore } from '../../app/store'

export function WelcomeCard() {
  const startDemo = useAppStore((s) => s.startDemo)
  const starting = useAppStore((s) => s.demoStarting)
  const demoError = useAppStore((s) => s.demoError)
  const navigate = useAppStore((s) => s.navigate)
  const openEditor = useAppStore((s) => s.openEditor)
  const keychainOk = useAppStore((s) => s.status?.keychain.available ?? true)

  return (
    <section className="card welcome" aria-labelledby="welcome-title" data-testid="welcome-card">
      <h2 id="welcome-title">Welcome to Roster</h2>
      <p>
        Roster keeps a local copy of the people in your Webex organization. To begin, connect it to
        Webex with a credential, or look around first with a demo organization of made-up people.
      </p>
      <div className="welcome-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={starting}
          onClick={() => void startDemo()}
        >
          {starting ? 'Starting the demo organization…' : 'Explore with a demo organization'}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!keychainOk}
          onClick={() => {
            navigate('credentials')
            openEditor({ mode: 'create' })
          }}
        >
          Add your Webex credential
        </button>
      </div>
      {demoError ? (
        <p className="form-error" role="alert">
          {demoError}
        </p>
      ) : null}
    </section>
  )
}
