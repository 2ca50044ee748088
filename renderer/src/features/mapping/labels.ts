/** Plain words for the mapping editor: transforms, field types, filter operators. */
import type { CustomFieldType, TargetFieldType } from '../../../../shared/domain/custom-field'
import type { ConditionOp } from '../../../../shared/domain/ingest-filter-rule'
import type { MappingTransform } from '../../../../shared/domain/mapping'
import type { SourceField } from '../../../../shared/domain/mapping-studio'

type Kind = MappingTransform['kind']

export const TRANSFORM_LABELS: Record<Kind, string> = {
  trim: 'Trim spaces',
  lowercase: 'Lower case',
  uppercase: 'Upper case',
  join: 'Join a list',
  first: 'First of a list',
  date: 'Date format',
  'role-names': 'Role IDs → names',
  'license-names': 'Licence IDs → names',
  default: 'Default when empty',
  'email-part': 'Part of an email',
  constant: 'Fixed value'
}

/** The kinds offered in "Add step" (constant is the source "Fixed value", not a step). */
export const CHAIN_KINDS: Kind[] = [
  'trim',
  'lowercase',
  'uppercase',
  'join',
  'first',
  'date',
  'role-names',
  'license-names',
  'default',
  'email-part'
]

export function newTransform(kind: Kind): MappingTransform {
  switch (kind) {
    case 'join':
      return { kind, separator: ', ' }
    case 'date':
      return { kind, format: 'YYYY-MM-DD' }
    case 'default':
    case 'constant':
      return { kind, value: '' }
    case 'email-part':
      return { kind, part: 'local' }
    default:
      return { kind }
  }
}

export function describeTransform(t: MappingTransform): string {
  switch (t.kind) {
    case 'join':
      return `Join with “${t.separator}”`
    case 'date':
      return `Date as ${t.format}`
    case 'default':
      return `Default “${t.value}”`
    case 'constant':
      return `“${t.value}”`
    case 'email-part':
      return t.part === 'local' ? 'Before the @' : 'After the @'
    default:
      return TRANSFORM_LABELS[t.kind]
  }
}

export const FIELD_TYPE_LABELS: Record<TargetFieldType, string> = {
  text: 'Text',
  'long-text': 'Long text',
  number: 'Number',
  date: 'Date',
  'date-time': 'Date and time',
  boolean: 'Yes / no',
  choice: 'Choice',
  list: 'List'
}

export const CUSTOM_TYPES: CustomFieldType[] = [
  'text',
  'long-text',
  'number',
  'date',
  'date-time',
  'boolean',
  'choice'
]

export const SOURCE_GROUP_LABELS: Record<SourceField['group'], string> = {
  standard: 'Standard Webex fields',
  webex: 'Other Webex fields',
  api: 'Custom API fields'
}

export const OP_LABELS: Record<ConditionOp, string> = {
  equals: 'is',
  'not-equals': 'is not',
  contains: 'contains',
  'not-contains': 'does not contain',
  'starts-with': 'starts with',
  'ends-with': 'ends with',
  in: 'is one of',
  'not-in': 'is none of',
  empty: 'is empty',
  'not-empty': 'is not empty',
  'within-days': 'within the last N days',
  'older-than-days': 'older than N days'
}

/** What input an operator needs. */
export const opNeeds = (op: ConditionOp): 'value' | 'values' | 'days' | 'nothing' =>
  op === 'in' || op === 'not-in'
    ? 'values'
    : op === 'within-days' || op === 'older-than-days'
      ? 'days'
      : op === 'empty' || op === 'not-empty'
        ? 'nothing'
        : 'value'
