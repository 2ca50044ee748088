/** Output helpers: JSON for scripts, aligned columns for people. */
export type Out = { out: (s: string) => void; err: (s: string) => void; isTTY: boolean }

export const stdio: Out = {
  out: (s) => void process.stdout.write(s + '\n'),
  err: (s) => void process.stderr.write(s + '\n'),
  isTTY: Boolean(process.stderr.isTTY)
}

export function table(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown): string =>
    typeof v === 'string'
      ? v
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : v === null || v === undefined
          ? ''
          : JSON.stringify(v)
  const widths = columns.map((c) =>
    Math.min(48, Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  )
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.slice(0, widths[i]).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(columns), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n')
}
