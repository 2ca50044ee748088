/**
 * Validates simulator responses against the official Webex OpenAPI spec (a copy in
 * tests/fixtures/webex-openapi, CC BY 4.0, see SOURCE.md there). Two deliberate tweaks:
 * - invitePending/loginEnabled accept booleans as well as the spec's "true"/"false" strings
 *   (SDKs model booleans; real Webex JSON type unconfirmed, webex-api.md §2.2);
 * - the main objects get additionalProperties: false, so a misspelt or invented field fails.
 * Error statuses have no schema in the spec; they are checked against components.schemas.ErrorResponse.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

const SPEC_PATH = fileURLToPath(
  new URL('../../fixtures/webex-openapi/webex-admin.people-subset.json', import.meta.url)
)

type Json = Record<string, unknown>
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Json }> }> }
type Spec = {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Json> }
}

const CLOSED = [
  'Person',
  'PersonCollectionResponse',
  'License',
  'LicenseCollectionResponse',
  'LicensewithUsers',
  'Role',
  'RoleCollectionResponse',
  'Organization',
  'OrganizationCollectionResponse',
  'ErrorResponse'
]

function tweak(spec: Spec): Spec {
  const schemas = spec.components.schemas
  const person = schemas.Person as { properties: Record<string, Json> }
  for (const field of ['invitePending', 'loginEnabled']) {
    const original = person.properties[field] ?? {}
    person.properties[field] = { anyOf: [original, { type: 'boolean' }] }
  }
  for (const name of CLOSED) {
    const s = schemas[name]
    if (s) s.additionalProperties = false
  }
  return spec
}

const spec = tweak(JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec)
// strict: false because the spec carries OpenAPI keywords (example, ...) that are not JSON Schema.
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addSchema({ $id: 'spec', components: spec.components })
const cache = new Map<string, ValidateFunction>()

function validatorFor(ref: string): ValidateFunction {
  let v = cache.get(ref)
  if (!v) {
    v = ajv.compile({ $ref: `spec${ref}` })
    cache.set(ref, v)
  }
  return v
}

/**
 * Throws unless `body` is what the spec allows for `method pathTemplate` answering `status`.
 * pathTemplate is the spec's key, e.g. '/people/{personId}'.
 */
export function assertMatchesSpec(
  method: string,
  pathTemplate: string,
  status: number,
  body: string
): void {
  const op = spec.paths[pathTemplate]?.[method.toLowerCase()]
  if (!op) throw new Error(`No operation ${method} ${pathTemplate} in the spec`)
  const declared = op.responses?.[String(status)]
  if (!declared)
    throw new Error(`${method} ${pathTemplate}: status ${status} is not declared in the spec`)
  if (status === 204) {
    if (body !== '') throw new Error(`${method} ${pathTemplate}: 204 must have no body`)
    return
  }
  const ref =
    status >= 400
      ? '#/components/schemas/ErrorResponse'
      : (declared.content?.['application/json']?.schema?.$ref as string | undefined)
  if (!ref) throw new Error(`${method} ${pathTemplate} ${status}: no JSON schema in the spec`)
  const validate = validatorFor(ref)
  if (!validate(JSON.parse(body))) {
    throw new Error(
      `${method} ${pathTemplate} ${status} violates ${ref}: ${ajv.errorsText(validate.errors)}`
    )
  }
}

/** For answers outside the spec's operations (unknown path, 405): the body must be an ErrorResponse. */
export function assertErrorMatchesSpec(body: string): void {
  const validate = validatorFor('#/components/schemas/ErrorResponse')
  if (!validate(JSON.parse(body))) {
    throw new Error(`error body violates ErrorResponse: ${ajv.errorsText(validate.errors)}`)
  }
}
