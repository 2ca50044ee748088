/**
 * v60: the unchanged fast path (sync/unchanged-fast-path.ts) asks only `webex_people_raw`. Up to v50
 * its query also looked up each person's record and SaaS user record to check they still carried the
 * hashes its plan produced: two B-tree lookups per person, ≈ 0.9 s of a 100k no-change re-sync
 * (docs/benchmarks.md round 7). These triggers keep that check true instead, at write time: any write
 * that could make a raw row's stored plan state false (a record's hash, link, Webex ID or "not in
 * Webex" flag changing, a record deleted) forgets that plan state (plan_fp = NULL), so the person is
 * planned in full next time. Writes that leave the state true (the sync writing the very hashes its
 * plan stored) forget nothing. They fire on every writer of these tables (sync, Apply, workflows,
 * edits) because they live in the schema, not in one code path.
 *
 * Invariant, checked by `rawPeople.stalePlanStates()` in tests: a raw row with a plan_fp has a person
 * record with its Webex ID carrying person_hash, and, when saas_hash is set, a SaaS user record with
 * its Webex ID carrying saas_hash, present in Webex and linked to that person record.
 */
import type { Migration } from './types'

/** The state a raw row's plan_fp vouches for: the fast path's old per-row check, now the invariant. */
export const PLAN_STATE_HOLDS = `EXISTS (
  SELECT 1 FROM people p
  LEFT JOIN saas_users s ON s.webex_id = p.webex_id
  WHERE p.webex_id = webex_people_raw.webex_id AND p.values_hash = webex_people_raw.person_hash
    AND (webex_people_raw.saas_hash IS NULL
      OR (s.values_hash = webex_people_raw.saas_hash AND s.not_in_webex = 0 AND s.person_id = p.id)))`

/**
 * The triggers (0070 rebuilds the raw table, so it drops and creates them again). Like any applied
 * migration this text is frozen: changing a trigger takes a new migration with its own text.
 */
export const PLAN_STATE_TRIGGERS = `
      CREATE TRIGGER people_forget_plan_on_update
      AFTER UPDATE OF values_hash, webex_id, id ON people
      WHEN OLD.webex_id IS NOT NULL
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL
          AND (OLD.webex_id IS NOT NEW.webex_id OR OLD.id IS NOT NEW.id
            OR person_hash IS NOT NEW.values_hash);
      END;

      CREATE TRIGGER people_forget_plan_on_delete
      AFTER DELETE ON people
      WHEN OLD.webex_id IS NOT NULL
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL;
      END;

      CREATE TRIGGER saas_users_forget_plan_on_update
      AFTER UPDATE OF values_hash, not_in_webex, person_id, webex_id ON saas_users
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL AND saas_hash IS NOT NULL
          AND (OLD.webex_id IS NOT NEW.webex_id OR NEW.not_in_webex <> 0
            OR saas_hash IS NOT NEW.values_hash
            OR NEW.person_id IS NOT (SELECT id FROM people WHERE webex_id = NEW.webex_id));
      END;

      CREATE TRIGGER saas_users_forget_plan_on_delete
      AFTER DELETE ON saas_users
      BEGIN
        UPDATE webex_people_raw SET plan_fp = NULL
        WHERE webex_id = OLD.webex_id AND plan_fp IS NOT NULL AND saas_hash IS NOT NULL;
      END;
`

export const m0060PlanStateTriggers: Migration = {
  version: 60,
  name: 'plan-state-triggers',
  up: (db) => {
    db.exec(`
      -- Rows planned by an older build were checked against the records on every read: make them
      -- true now, so the invariant holds from here on.
      UPDATE webex_people_raw SET plan_fp = NULL WHERE plan_fp IS NOT NULL AND NOT ${PLAN_STATE_HOLDS};

      ${PLAN_STATE_TRIGGERS}
    `)
  }
}
