/** Source fields with sample values from the last read (the raw side table): no Webex call. */
import { textOf } from '../../../shared/domain/mapping-expression'
import type { ApiField, SourceField } from '../../../shared/domain/mapping-studio'
import { sourceCatalog } from './source-catalog'
import { sourceValue } from './source-value'
import { dominantShape } from './value-shape'
import type { LastReadPerson } from './last-read'

export function sourcesWithSamples(
  people: readonly LastReadPerson[],
  apiFields: readonly ApiField[],
  samplesPerField: number,
  syncTime: string
): SourceField[] {
  return sourceCatalog(apiFields).map((src) => {
    const values = people.map((p) => sourceValue(p.person, p.raw, src.key, syncTime))
    const samples: string[] = []
    let filled = 0
    for (const v of values) {
      const t = textOf(v)
      if (t === '') continue
      filled++
      if (samples.length < samplesPerField && !samples.includes(t)) samples.push(t)
    }
    return {
      key: src.key,
      label: src.label,
      group: src.group,
      // A documented list stays a list even when the samples hold one item each.
      shape: src.shape === 'list' ? 'list' : dominantShape(values, src.shape),
      samples,
      filled
    }
  })
}
