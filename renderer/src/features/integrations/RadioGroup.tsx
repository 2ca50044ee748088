/** A fieldset of radio buttons bound to one value. */
import { useId } from 'react'

type Props<T extends string> = {
  legend: string
  value: T
  options: ReadonlyArray<{ value: T; label: string }>
  onValue: (value: T) => void
}

export function RadioGroup<T extends string>({ legend, value, options, onValue }: Props<T>) {
  const name = useId()
  return (
    <fieldset className="field radio-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="radio">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onValue(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}
