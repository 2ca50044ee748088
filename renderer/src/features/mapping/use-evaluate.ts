/**
 * Live preview of an expression (and optional transforms) on sample people from the last read:
 * debounced, and only the answer for the current input counts (an older, slower one is dropped).
 */
import { useEffect, useState } from 'react'
import type { MappingTransform } from '../../../../shared/domain/mapping'
import type { EvaluateExpressionResult } from '../../../../shared/domain/mapping-studio'
import { call } from '../../lib/call'

export type EvaluateState =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'done'; result: EvaluateExpressionResult }
  | { phase: 'failed'; message: string }

type Answer = { key: string; state: EvaluateState }

export function useEvaluate(
  expression: string | null,
  transforms: readonly MappingTransform[] = [],
  samples = 3,
  delayMs = 300
): EvaluateState {
  const [answer, setAnswer] = useState<Answer | null>(null)
  const key =
    expression && expression.trim() !== ''
      ? JSON.stringify([expression, transforms, samples])
      : null

  useEffect(() => {
    if (!key) return
    let live = true
    const timer = setTimeout(() => {
      const [expr, chain, n] = JSON.parse(key) as [string, MappingTransform[], number]
      void call('mapping:evaluate', {
        expression: expr,
        samples: n,
        ...(chain.length > 0 ? { transforms: chain } : {})
      }).then((res) => {
        if (!live) return
        setAnswer({
          key,
          state: res.ok
            ? { phase: 'done', result: res.value }
            : { phase: 'failed', message: res.error.message }
        })
      })
    }, delayMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [key, delayMs])

  if (!key) return { phase: 'idle' }
  return answer?.key === key ? answer.state : { phase: 'loading' }
}
