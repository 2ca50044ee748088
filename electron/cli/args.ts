/** A tiny argv parser: positionals, `--flag`, `--key value` and `--key=value`. */
export type Args = { positionals: string[]; flags: Map<string, string | true> }

export function parseArgs(argv: readonly string[]): Args {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (!a.startsWith('--')) {
      positionals.push(a)
      continue
    }
    const eq = a.indexOf('=')
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1))
    else {
      const next = argv[i + 1]
      const takesValue = VALUE_FLAGS.has(a.slice(2))
      if (takesValue && next !== undefined) {
        flags.set(a.slice(2), next)
        i++
      } else flags.set(a.slice(2), true)
    }
  }
  return { positionals, flags }
}

const VALUE_FLAGS = new Set(['integration', 'page-size', 'limit'])

export const flagString = (a: Args, name: string): string | undefined => {
  const v = a.flags.get(name)
  return typeof v === 'string' ? v : undefined
}
