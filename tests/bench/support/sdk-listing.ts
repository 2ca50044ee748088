/**
 * The official Webex JS SDK (webex-core + plugin-people) set up against a base URL, and a helper that
 * lists every person with it: the yardstick the Roster client and the ingest are compared with.
 */
type SdkPage = { items: unknown[]; hasNext(): boolean; next(): Promise<SdkPage> }
type SdkCore = { people: { list(q: { max: number }): Promise<SdkPage> } }

export type SdkLister = { listAll(pageSize: number): Promise<number> }

/** The SDK reads HYDRA_SERVICE_URL once, at load time: call this once per process, before use. */
export function createSdkLister(baseUrl: string, token: string): SdkLister {
  process.env.HYDRA_SERVICE_URL = baseUrl
  /* eslint-disable @typescript-eslint/no-require-imports -- the SDK is loaded after the env is set */
  require('@webex/plugin-people')
  require('@webex/plugin-logger')
  const WebexCore = (require('@webex/webex-core') as { default: new (opts: unknown) => SdkCore })
    .default
  /* eslint-enable @typescript-eslint/no-require-imports */
  const sdk = new WebexCore({
    credentials: { access_token: token },
    config: {
      services: { discovery: { hydra: baseUrl }, validateDomains: false },
      logger: { level: 'error' }
    }
  })
  return {
    async listAll(pageSize) {
      let page = await sdk.people.list({ max: pageSize })
      let n = page.items.length
      while (page.hasNext()) {
        page = await page.next()
        n += page.items.length
      }
      return n
    }
  }
}

export const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
