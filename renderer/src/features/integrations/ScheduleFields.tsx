/** Schedule: off, daily at a time of day, or every N minutes/hours. */
import { Field } from '../credentials/Field'
import { SelectField } from '../../lib/SelectField'
import type { IntegrationFormErrors, IntegrationFormValues } from './form-model'
import { RadioGroup } from './RadioGroup'

type Props = {
  values: IntegrationFormValues
  errors: IntegrationFormErrors
  set: <K extends keyof IntegrationFormValues>(k: K, v: IntegrationFormValues[K]) => void
}

export function ScheduleFields({ values, errors, set }: Props) {
  return (
    <fieldset className="field fieldset-box">
      <legend>Schedule</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={values.scheduleEnabled}
          onChange={(e) => set('scheduleEnabled', e.target.checked)}
        />
        Run on a schedule
      </label>
      {values.scheduleEnabled ? (
        <div className="form-grid">
          <RadioGroup
            legend="When"
            value={values.scheduleMode}
            options={[
              { value: 'time-of-day', label: 'Every day at a time' },
              { value: 'interval', label: 'At a fixed interval' }
            ]}
            onValue={(v) => set('scheduleMode', v)}
          />
          {values.scheduleMode === 'time-of-day' ? (
            <Field
              label="Time of day (HH:MM)"
              value={values.timeOfDay}
              onValue={(v) => set('timeOfDay', v)}
              error={errors.timeOfDay}
              inputMode="numeric"
              placeholder="02:30"
            />
          ) : (
            <div className="form-inline">
              <Field
                label="Every"
                value={values.intervalValue}
                onValue={(v) => set('intervalValue', v)}
                error={errors.intervalValue}
                inputMode="numeric"
              />
              <SelectField
                label="Unit"
                value={values.intervalUnit}
                options={[
                  { value: 'minutes', label: 'minutes' },
                  { value: 'hours', label: 'hours' }
                ]}
                onValue={(v) => set('intervalUnit', v === 'minutes' ? 'minutes' : 'hours')}
              />
            </div>
          )}
        </div>
      ) : (
        <p className="field-hint">Runs only when you press Run now.</p>
      )}
    </fieldset>
  )
}
