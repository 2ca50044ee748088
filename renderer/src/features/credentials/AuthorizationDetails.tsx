/** Who a credential acts as and when its tokens run out: the only things the UI knows about them. */
import type { Credential } from '../../../../shared/domain/credential'
import { formatAbsolute, formatRelative, formatWhen } from '../../lib/format-time'
import { useNow } from '../../lib/use-now'

export function AuthorizationDetails({ credential }: { credential: Credential }) {
  const now = useNow()
  const who = credential.authorizedAs
  const expires = credential.accessTokenExpiresAt
  const renewable = credential.refreshTokenExpiresAt
  return (
    <div className="auth-details">
      {who ? (
        <p data-testid="authorized-as">
          Authorized as {who.displayName} ({who.email}), org {who.orgName ?? who.orgId}
        </p>
      ) : (
        <p className="muted">Not authorized yet</p>
      )}
      {expires ? (
        <p className="muted" data-testid="expires">
          {new Date(expires) < now ? 'Access token expired ' : 'Access token expires '}
          {formatWhen(expires, now)}
        </p>
      ) : null}
      {renewable ? (
        <p className="muted">
          Renews automatically until {formatAbsolute(renewable)} ({formatRelative(renewable, now)})
        </p>
      ) : null}
      {credential.lastError ? <p className="row-error">{credential.lastError}</p> : null}
    </div>
  )
}
