/** A bad expression: the message, and a caret under the position where it went wrong. */
import type { ExpressionError as ErrorInfo } from '../../../../shared/domain/mapping-studio'

export function ExpressionError({ text, error }: { text: string; error: ErrorInfo }) {
  const at = Math.max(0, Math.min(error.position, text.length))
  return (
    <div className="expression-error" role="alert" data-testid="expression-error">
      <p className="field-error">
        {error.message} (at character {at + 1}
        {error.expected ? `; expected ${error.expected}` : ''})
      </p>
      <pre className="expression-caret" aria-hidden="true">
        {text}
        {'\n'}
        {' '.repeat(at)}^
      </pre>
    </div>
  )
}
