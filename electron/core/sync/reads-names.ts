import { mappingUsesNames, type Mapping } from '../../../shared/domain/mapping'
import type { RecordScope } from '../../../shared/domain/integration'

/**
 * Whether a sync of this configuration reads role and licence names from Webex: SaaS user records
 * carry them, and a mapping may turn IDs into names. Otherwise it plans with no names at all (which
 * is part of its plan fingerprint, so the impact preview must know it too).
 */
export const readsWebexNames = (c: { scope: RecordScope; mapping: Mapping }): boolean =>
  c.scope === 'user-and-saas' || mappingUsesNames(c.mapping)
