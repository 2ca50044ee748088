/**
 * One chokepoint for secrets in logs (security.md S17): values under secret-looking keys are replaced,
 * token-looking substrings are masked wherever they appear, and URL query strings are dropped.
 */
const SECRET_KEYS =
  /^(authorization|access_?token|refresh_?token|client_?secret|code|code_?verifier|password|cookie|set-cookie|token|secret|id_?token|state)$/i

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [REDACTED]'],
  [
    /((?:access_token|refresh_token|client_secret|code|code_verifier|token|state)=)[^&\s"']+/gi,
    '$1[REDACTED]'
  ],
  [
    /("(?:access_token|refresh_token|client_secret|code_verifier|accessToken|refreshToken|clientSecret)"\s*:\s*")[^"]*/g,
    '$1[REDACTED]'
  ]
]

export const REDACTED = '[REDACTED]'

export function redactString(s: string): string {
  let out = s
  for (const [re, rep] of PATTERNS) out = out.replace(re, rep)
  return out
}

/** Logged URLs keep origin and path only: queries carry codes, states and cursors. */
export function stripQuery(url: string): string {
  const q = url.search(/[?#]/)
  return q === -1 ? url : `${url.slice(0, q)}?[…]`
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]'
  if (typeof value === 'string') return redactString(value)
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.test(k)) out[k] = REDACTED
      else if (/url$/i.test(k) && typeof v === 'string') out[k] = redactString(stripQuery(v))
      else out[k] = redact(v, depth + 1)
    }
    return out
  }
  return value
}
