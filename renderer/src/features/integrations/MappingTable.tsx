/** The integration's field mapping, read-only (the mapping studio edits it in a later version). */
import {
  PERSON_TARGET_FIELDS,
  STANDARD_WEBEX_FIELDS,
  type Mapping
} from '../../../../shared/domain/mapping'

const sourceLabel = (source: string): string =>
  STANDARD_WEBEX_FIELDS.find((f) => f.key === source)?.label ?? source
const targetLabel = (target: string): string =>
  PERSON_TARGET_FIELDS.find((f) => f.key === target)?.label ?? target

export function MappingTable({ mapping, role }: { mapping: Mapping; role: string }) {
  return (
    <details className="fieldset-box">
      <summary>Field mapping ({mapping.length} fields)</summary>
      <table className="table table-compact" aria-label="Field mapping">
        <thead>
          <tr>
            <th scope="col">Webex field</th>
            <th scope="col">Person field</th>
            <th scope="col">Transform</th>
          </tr>
        </thead>
        <tbody>
          {mapping.map((e) => (
            <tr key={`${e.source}->${e.target}`}>
              <td>{e.source === 'constant' ? 'Fixed value' : sourceLabel(e.source)}</td>
              <td>{targetLabel(e.target)}</td>
              <td className="muted">
                {e.target === 'role'
                  ? `“${role || 'not chosen'}”`
                  : e.transform
                    ? e.transform.kind
                    : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
