/** One labelled <select> with its hint and error, wired for screen readers. */
import { useId, type ReactNode } from 'react'

export type Option = { value: string; label: string }

type Props = {
  label: string
  value: string
  options: readonly Option[]
  onValue: (value: string) => void
  hint?: ReactNode
  error?: string
  disabled?: boolean
}

export function SelectField({ label, value, options, onValue, hint, error, disabled }: Props) {
  const id = useId()
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onValue(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
