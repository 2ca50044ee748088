/** Who a token acts as, from /people/me and the organization: the answer the Credentials page shows. */
import type { AuthorizedIdentity } from '../../../shared/domain/credential'
import type { WebexClient } from '../webex/client'

export async function readIdentity(client: WebexClient): Promise<AuthorizedIdentity> {
  const me = await client.getMe()
  const orgId = me.orgId ?? ''
  // The org name is a courtesy: a token without organizations_read still authenticates.
  const org = orgId ? await client.getOrganization(orgId).catch(() => null) : null
  return {
    personId: me.id,
    displayName: me.displayName ?? [me.firstName, me.lastName].filter(Boolean).join(' '),
    email: me.emails?.[0] ?? '',
    orgId,
    orgName: org?.displayName ?? null,
    isAdmin: (me.roles?.length ?? 0) > 0
  }
}
