/**
 * Custom target fields (0030) and the custom values they hold (`people.custom_json`, 0020, and
 * `saas_users.custom_json`, 0040): how many records hold a value, and clearing a field's values with
 * their history and a fresh hash. Every unique person field has an expression index on its sync-key
 * value (people-repo customKeySql), created and dropped here as fields are added, changed and
 * removed, so a sync key on it is indexed.
 */
import type {
  CustomField,
  CustomFieldType,
  RecordKind
} from '../../../../shared/domain/custom-field'
import { AppError } from '../../errors'
import { hashPersonValues, hashSaasValues, valueText } from '../../sync/record-values'
import type { Db } from '../db'
import { mapSqliteError } from '../errors'
import { customKeySql, personValuesOf, type PersonRow } from './people-repo'
import { saasValuesOf, type SaasUserRow } from './saas-users-repo'

type Row = {
  key: string
  label: string
  type: string
  options_json: string
  is_unique: number
  record: string
  created_at: string
  updated_at: string
}

const toField = (r: Row): CustomField => ({
  key: r.key,
  label: r.label,
  type: r.type as CustomFieldType,
  options: JSON.parse(r.options_json) as string[],
  unique: r.is_unique === 1,
  record: r.record as RecordKind,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

const isUnique = (e: unknown) =>
  e instanceof Error &&
  'code' in e &&
  String((e as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT')

/** `$."key"`: the key is checked by CustomFieldKey, and quoted so `-` is safe in the JSON path. */
const jsonPath = (key: string) => `$."${key.replace(/"/g, '')}"`

/** Sync-key indexes are named by this prefix plus the field key (quoted: keys may hold `-`). */
const KEY_INDEX_PREFIX = 'people_custom_key_'
const keyIndexName = (key: string) => `"${KEY_INDEX_PREFIX}${key.replace(/"/g, '')}"`

export function createCustomFieldsRepo(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM custom_fields ORDER BY label COLLATE NOCASE')
  const byKey = db.prepare<[string], Row>('SELECT * FROM custom_fields WHERE key = ?')
  const insert = db.prepare<Row>(
    `INSERT INTO custom_fields (key, label, type, options_json, is_unique, record, created_at,
       updated_at)
     VALUES (@key, @label, @type, @options_json, @is_unique, @record, @created_at, @updated_at)`
  )
  const update = db.prepare<Row>(
    `UPDATE custom_fields SET label = @label, options_json = @options_json, is_unique = @is_unique,
       updated_at = @updated_at WHERE key = @key`
  )
  const remove = db.prepare<[string]>('DELETE FROM custom_fields WHERE key = ?')
  // One set of statements per record table; the table names are fixed here, never user input.
  const statementsFor = (table: 'people' | 'saas_users') => ({
    countValues: db.prepare<[string, string], { n: number }>(
      `SELECT count(*) AS n FROM ${table}
       WHERE json_extract(custom_json, ?) IS NOT NULL AND json_extract(custom_json, ?) <> ''`
    ),
    clear: db.prepare<{ id: string; custom_json: string; hash: string; now: string }>(
      `UPDATE ${table} SET custom_json = @custom_json, values_hash = @hash, updated_at = @now
       WHERE id = @id`
    )
  })
  const people = statementsFor('people')
  const saas = statementsFor('saas_users')
  const peopleWithValue = db.prepare<[string], PersonRow>(
    'SELECT * FROM people WHERE json_type(custom_json, ?) IS NOT NULL'
  )
  const saasWithValue = db.prepare<[string], SaasUserRow>(
    'SELECT * FROM saas_users WHERE json_type(custom_json, ?) IS NOT NULL'
  )
  const history = db.prepare<[string, string, string, string | null, string]>(
    `INSERT INTO record_history (record_type, record_id, field, old_value, new_value, run_id, at)
     VALUES (?, ?, ?, ?, NULL, NULL, ?)`
  )
  const peopleIndexes = db.prepare<[], { name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'people'"
  )
  const keyIndexes = () =>
    peopleIndexes
      .all()
      .map((r) => r.name)
      .filter((n) => n.startsWith(KEY_INDEX_PREFIX))
  /** Creates the missing sync-key indexes of unique person fields and drops the ones no longer needed. */
  function syncKeyIndexes() {
    const wanted = new Map(
      all
        .all()
        .filter((r) => r.is_unique === 1 && r.record === 'person')
        .map((r) => [`${KEY_INDEX_PREFIX}${r.key}`.toLowerCase(), r.key])
    )
    for (const name of keyIndexes())
      if (!wanted.has(name.toLowerCase())) db.exec(`DROP INDEX IF EXISTS "${name}"`)
    for (const key of wanted.values())
      db.exec(`CREATE INDEX IF NOT EXISTS ${keyIndexName(key)} ON people (${customKeySql(key)})`)
  }
  const conflict = (label: string, e: unknown) =>
    isUnique(e)
      ? new AppError('CONFLICT', `A field named "${label}" already exists.`, { cause: e })
      : mapSqliteError(e)

  /** Insert or update one field (a label already used is a conflict), then the key indexes. */
  const write = (statement: typeof insert, f: CustomField) => {
    try {
      statement.run({
        key: f.key,
        label: f.label,
        type: f.type,
        options_json: JSON.stringify(f.options),
        is_unique: f.unique ? 1 : 0,
        record: f.record,
        created_at: f.createdAt,
        updated_at: f.updatedAt
      })
    } catch (e) {
      throw conflict(f.label, e)
    }
    syncKeyIndexes()
  }
  return {
    list: (): CustomField[] => all.all().map(toField),
    get: (key: string): CustomField | null => {
      const r = byKey.get(key)
      return r ? toField(r) : null
    },
    insert: (f: CustomField) => write(insert, f),
    update: (f: CustomField) => write(update, f),
    remove(key: string) {
      const removed = remove.run(key).changes > 0
      syncKeyIndexes()
      return removed
    },
    syncKeyIndexes,
    /** The names of the sync-key indexes that exist (for tests and health checks). */
    keyIndexNames: keyIndexes,
    /** Records (of the field's kind) holding a non-empty value of the field. */
    recordsWithValue: (key: string, record: RecordKind = 'person') =>
      (record === 'person' ? people : saas).countValues.get(jsonPath(key), jsonPath(key))?.n ?? 0,
    /**
     * Removes the field's value from every record of its kind (returns how many non-empty values
     * went), recomputing the values hash (so the next sync does not see a phantom change) and writing
     * the removal to the record's history.
     */
    clearValues(key: string, now: string, record: RecordKind = 'person'): number {
      let n = 0
      const cleared = (
        recordType: RecordKind,
        id: string,
        custom: Record<string, unknown>,
        hash: string,
        old: string | null
      ) => {
        const table = recordType === 'person' ? people : saas
        table.clear.run({
          id,
          custom_json: JSON.stringify(custom),
          hash,
          now
        })
        if (old === null) return
        history.run(recordType, id, `custom.${key}`, old, now)
        n++
      }
      if (record === 'person')
        for (const row of peopleWithValue.all(jsonPath(key))) {
          const v = personValuesOf(row)
          const old = valueText(v.custom[key])
          delete v.custom[key]
          cleared('person', row.id, v.custom, hashPersonValues(v), old)
        }
      else
        for (const row of saasWithValue.all(jsonPath(key))) {
          const v = saasValuesOf(row)
          const old = valueText(v.custom[key])
          delete v.custom[key]
          cleared('saas-user', row.id, v.custom, hashSaasValues(v), old)
        }
      return n
    }
  }
}
export type CustomFieldsRepo = ReturnType<typeof createCustomFieldsRepo>
