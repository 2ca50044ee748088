/**
 * The role and licence names by ID that the last sync read from Webex (/roles, /licenses), kept in
 * one app_meta row. The impact preview turns IDs into names with them without calling Webex: a
 * "User only" integration has no SaaS user records to recover them from.
 */
import { z } from 'zod'
import type { Db } from '../db'
import { createAppMetaRepo } from './app-meta-repo'

const KEY = 'webex_names'

export type WebexNames = {
  roles: ReadonlyMap<string, string>
  licenses: ReadonlyMap<string, string>
}

const Pairs = z.array(z.tuple([z.string(), z.string()]))
const Stored = z.object({ at: z.string(), roles: Pairs, licenses: Pairs })

export function createWebexNamesRepo(db: Db) {
  const meta = createAppMetaRepo(db)
  return {
    save(names: WebexNames, at: string): void {
      meta.set(KEY, JSON.stringify({ at, roles: [...names.roles], licenses: [...names.licenses] }))
    },
    /** Null when no sync has stored them yet (a store from an older build) or the row is unreadable. */
    load(): WebexNames | null {
      const text = meta.get(KEY)
      if (text === null) return null
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        return null
      }
      const parsed = Stored.safeParse(json)
      if (!parsed.success) return null
      return { roles: new Map(parsed.data.roles), licenses: new Map(parsed.data.licenses) }
    }
  }
}
export type WebexNamesRepo = ReturnType<typeof createWebexNamesRepo>
