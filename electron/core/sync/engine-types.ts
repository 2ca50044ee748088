import type { HistoryRepo, RawPeopleRepo } from '../store/repositories/history-repo'
import type { PeopleRepo } from '../store/repositories/people-repo'
import type { PlansRepo } from '../store/repositories/plans-repo'
import type { RunLockRepo } from '../store/repositories/run-lock-repo'
import type { RunsRepo } from '../store/repositories/runs-repo'
import type { SaasUsersRepo } from '../store/repositories/saas-users-repo'
import type { WebexNamesRepo } from '../store/repositories/webex-names-repo'

/** The repositories a run touches. */
export type EngineRepos = {
  people: PeopleRepo
  saas: SaasUsersRepo
  history: HistoryRepo
  raw: RawPeopleRepo
  runs: RunsRepo
  plans: PlansRepo
  lock: RunLockRepo
  /** The role and licence names a sync read, kept for the impact preview. */
  webexNames: WebexNamesRepo
}
