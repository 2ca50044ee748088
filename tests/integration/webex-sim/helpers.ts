/** Shared helpers for simulator tests: plain fetch against a real simulator on a random port. */
import { afterEach } from 'vitest'
import { startWebexSim } from '../../../electron/webex-sim'
import type { SimHandle, SimOptions } from '../../../electron/webex-sim/types'
import { assertMatchesSpec } from './spec-validator'

const running: SimHandle[] = []

/** Starts a simulator that is stopped after the current test. */
export async function startSim(opts: SimOptions = {}): Promise<SimHandle> {
  const sim = await startWebexSim({ users: 300, seed: 7, ...opts })
  running.push(sim)
  return sim
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()))
})

export type Reply = { status: number; headers: Headers; text: string; json: () => unknown }

/** A request to the sim with the admin token unless `token` says otherwise (null: no header). */
export async function call(
  sim: SimHandle,
  path: string,
  init: {
    method?: string
    token?: string | null
    body?: unknown
    headers?: Record<string, string>
  } = {}
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers }
  const token = init.token === undefined ? sim.token : init.token
  if (token !== null) headers.authorization = `Bearer ${token}`
  let body: string | undefined
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    headers['content-type'] ??= 'application/json'
  }
  const url = path.startsWith('http') ? path : `${sim.url}${path}`
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown }
}

/** call() and then check the reply against the official spec's schema for `template`. */
export async function callChecked(
  sim: SimHandle,
  template: string,
  path: string,
  init: Parameters<typeof call>[2] = {}
): Promise<Reply> {
  const r = await call(sim, path, init)
  assertMatchesSpec(init.method ?? 'GET', template, r.status, r.text)
  return r
}

export function nextLink(r: Reply): string | null {
  return /<([^>]+)>;\s*rel="next"/.exec(r.headers.get('link') ?? '')?.[1] ?? null
}

type Page = { items: { id: string }[] }

/** Follows rel="next" to the end; returns every id in order. */
export async function walk(sim: SimHandle, first: string, maxPages = 1000): Promise<string[]> {
  const ids: string[] = []
  let url: string | null = first
  for (let pages = 0; url && pages < maxPages; pages++) {
    const r = await call(sim, url)
    if (r.status !== 200) throw new Error(`page answered ${r.status}: ${r.text}`)
    ids.push(...(r.json() as Page).items.map((p) => p.id))
    url = nextLink(r)
  }
  return ids
}
