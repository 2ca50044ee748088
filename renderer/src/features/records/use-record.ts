/** Loads one record through a get channel; refetches when a run finished (it may have changed it). */
import { useEffect, useState } from 'react'
import type { Envelope } from '../../../../shared/contract/envelope'
import { useAppStore } from '../../app/store'

export type Loaded<T> =
  { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'ready'; value: T }

export function useRecord<T>(load: (id: string) => Promise<Envelope<T>>, id: string): Loaded<T> {
  const runsVersion = useAppStore((s) => s.runsVersion)
  const [state, setState] = useState<Loaded<T> & { key: string }>({ phase: 'loading', key: '' })
  const key = `${id}#${runsVersion}`

  useEffect(() => {
    let live = true
    void load(id).then((res) => {
      if (!live) return
      setState(
        res.ok
          ? { phase: 'ready', value: res.value, key }
          : { phase: 'error', message: res.error.message, key }
      )
    })
    return () => {
      live = false
    }
  }, [load, id, key])

  // A different record than the one loaded: show loading rather than the wrong person.
  return state.key.startsWith(`${id}#`) ? state : { phase: 'loading' }
}
