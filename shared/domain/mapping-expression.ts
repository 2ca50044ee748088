/**
 * Custom API field expressions over the raw Webex person: a small, safe language (no eval, no
 * `new Function`: the renderer's CSP forbids it and the core must never run admin text as code).
 *
 * Three forms:
 * - a path: `$.department`, `addresses[0].locality`, `phoneNumbers[?type=='work'].value`,
 *   `sipAddresses[*].value`, `emails[-1]`, `$['nickName']`; the leading `$` / `$.` is optional;
 * - a template: literal text with `{{path}}` segments, e.g. `{{firstName}} {{lastName}}`;
 * - a constant: a quoted string, `'Employee'` or `"Employee"`.
 *
 * A path with a wildcard or a filter step yields a list (every match); otherwise one value.
 * Parse errors carry the 0-based position and what was expected there.
 */

export type FilterLiteral = string | number | boolean | null
export type PathStep =
  | { kind: 'prop'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; field: string[]; op: '==' | '!='; value: FilterLiteral }
export type PathExpr = { kind: 'path'; steps: PathStep[]; multi: boolean }
export type TemplateExpr = { kind: 'template'; parts: (string | PathExpr)[] }
export type ConstantExpr = { kind: 'constant'; value: string }
export type Expression = PathExpr | TemplateExpr | ConstantExpr

export type ExpressionError = {
  message: string
  /** 0-based index into the expression text. */
  position: number
  expected: string
}
export type ParseResult = { ok: true; expr: Expression } | { ok: false; error: ExpressionError }

class ParseFailure extends Error {
  constructor(readonly info: ExpressionError) {
    super(info.message)
  }
}

const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[\w-]/

function fail(position: number, expected: string, found: string | undefined): never {
  const what = found === undefined ? 'the end of the expression' : `"${found}"`
  throw new ParseFailure({
    message: `Expected ${expected} at position ${position + 1}, found ${what}`,
    position,
    expected
  })
}

/** Parses a path from `start` up to `end` (exclusive) of `text`; positions stay absolute. */
function parsePath(text: string, start: number, end: number): PathExpr {
  let i = start
  const steps: PathStep[] = []
  let multi = false
  const peek = () => (i < end ? text[i] : undefined)
  const skipSpaces = () => {
    while (i < end && text[i] === ' ') i++
  }
  const readName = (): string => {
    const s = i
    if (!NAME_START.test(peek() ?? '')) fail(i, 'a field name', peek())
    while (i < end && NAME_CHAR.test(text[i] ?? '')) i++
    return text.slice(s, i)
  }
  const readQuoted = (): string => {
    const q = peek()
    if (q !== "'" && q !== '"') fail(i, 'a quoted string', q)
    const s = ++i
    while (i < end && text[i] !== q) i++
    if (i >= end) fail(i, `a closing ${q}`, undefined)
    return text.slice(s, i++)
  }
  const readLiteral = (): FilterLiteral => {
    const c = peek()
    if (c === "'" || c === '"') return readQuoted()
    const m = /^(-?\d+(\.\d+)?|true|false|null)/.exec(text.slice(i, end))
    if (!m) fail(i, "a value ('text', a number, true, false or null)", c)
    i += m[0].length
    const v = m[0]
    return v === 'true' ? true : v === 'false' ? false : v === 'null' ? null : Number(v)
  }
  const expect = (s: string) => {
    if (text.slice(i, i + s.length) !== s) fail(i, `"${s}"`, peek())
    i += s.length
  }

  skipSpaces()
  if (peek() === '$') {
    i++
    if (peek() !== '.' && peek() !== '[' && i < end) fail(i, '"." or "[" after "$"', peek())
  } else if (i < end) {
    steps.push({ kind: 'prop', name: readName() })
  } else {
    fail(i, 'a field name', undefined)
  }
  while (i < end) {
    const c = peek()
    if (c === ' ') {
      skipSpaces()
      if (i < end) fail(i, 'the end of the path', peek())
      break
    }
    if (c === '.') {
      i++
      if (peek() === '*') {
        i++
        steps.push({ kind: 'wildcard' })
        multi = true
      } else steps.push({ kind: 'prop', name: readName() })
      continue
    }
    if (c !== '[') fail(i, '".", "[" or the end of the path', c)
    i++
    const d = peek()
    if (d === '*') {
      i++
      steps.push({ kind: 'wildcard' })
      multi = true
    } else if (d === '?') {
      i++
      skipSpaces()
      const field = [readName()]
      while (peek() === '.') {
        i++
        field.push(readName())
      }
      skipSpaces()
      const op = text.slice(i, i + 2)
      if (op !== '==' && op !== '!=') fail(i, '"==" or "!="', peek())
      i += 2
      skipSpaces()
      const value = readLiteral()
      skipSpaces()
      steps.push({ kind: 'filter', field, op, value })
      multi = true
    } else if (d === "'" || d === '"') {
      steps.push({ kind: 'prop', name: readQuoted() })
    } else {
      const m = /^-?\d{1,6}/.exec(text.slice(i, end))
      if (!m) fail(i, "an index, '*', a quoted name or a ?filter", d)
      i += m[0].length
      steps.push({ kind: 'index', index: Number(m[0]) })
    }
    expect(']')
  }
  return { kind: 'path', steps, multi }
}

function parseTemplate(text: string): TemplateExpr {
  const parts: (string | PathExpr)[] = []
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('{{', i)
    const stray = text.indexOf('}}', i)
    if (stray >= 0 && (open < 0 || stray < open)) fail(stray, '"{{" before "}}"', '}}')
    if (open < 0) {
      parts.push(text.slice(i))
      break
    }
    if (open > i) parts.push(text.slice(i, open))
    const close = text.indexOf('}}', open + 2)
    if (close < 0) fail(text.length, 'a closing "}}"', undefined)
    let s = open + 2
    let e = close
    while (s < e && text[s] === ' ') s++
    while (e > s && text[e - 1] === ' ') e--
    if (s === e) fail(s, 'a field path inside "{{ }}"', '}}')
    parts.push(parsePath(text, s, e))
    i = close + 2
  }
  return { kind: 'template', parts }
}

export function parseExpression(text: string): ParseResult {
  try {
    if (text.trim() === '') fail(0, 'a path, a template or a quoted constant', undefined)
    if (text.length > 500)
      throw new ParseFailure({
        message: 'The expression is longer than 500 characters',
        position: 500,
        expected: 'at most 500 characters'
      })
    if (text.includes('{{') || text.includes('}}')) return { ok: true, expr: parseTemplate(text) }
    const t = text.trim()
    const q = t[0]
    if ((q === "'" || q === '"') && t.length >= 2 && t.endsWith(q) && !t.slice(1, -1).includes(q))
      return { ok: true, expr: { kind: 'constant', value: t.slice(1, -1) } }
    return { ok: true, expr: parsePath(text, 0, text.length) }
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.info }
    throw e
  }
}

/** Parsed expressions by text: the engine evaluates the same few expressions for every person. */
const cache = new Map<string, ParseResult>()
export function parseCached(text: string): ParseResult {
  let r = cache.get(text)
  if (!r) {
    if (cache.size > 500) cache.clear()
    r = parseExpression(text)
    cache.set(text, r)
  }
  return r
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

function getField(v: unknown, field: readonly string[]): unknown {
  let cur = v
  for (const f of field) {
    if (!isRecord(cur)) return undefined
    cur = Object.prototype.hasOwnProperty.call(cur, f) ? cur[f] : undefined
  }
  return cur
}

function looseEqual(a: unknown, b: FilterLiteral): boolean {
  if (b === null) return a === null || a === undefined
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase()
  // Webex sends some booleans as "true"/"false": compare their text forms.
  if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean')
    return String(a) === String(b)
  return false
}

/** Every value the path reaches (a single-valued path gives at most one). */
export function evaluatePath(path: PathExpr, root: unknown): unknown[] {
  let current: unknown[] = [root]
  for (const step of path.steps) {
    const next: unknown[] = []
    for (const v of current) {
      switch (step.kind) {
        case 'prop':
          if (isRecord(v) && Object.prototype.hasOwnProperty.call(v, step.name))
            next.push(v[step.name])
          break
        case 'index':
          if (Array.isArray(v)) {
            const item: unknown = v[step.index < 0 ? v.length + step.index : step.index]
            if (item !== undefined) next.push(item)
          }
          break
        case 'wildcard':
          if (Array.isArray(v)) next.push(...(v as unknown[]))
          else if (isRecord(v)) next.push(...Object.values(v))
          break
        case 'filter':
          if (Array.isArray(v))
            for (const item of v as unknown[]) {
              const eq = looseEqual(getField(item, step.field), step.value)
              if (step.op === '==' ? eq : !eq) next.push(item)
            }
          break
      }
    }
    current = next.filter((x) => x !== undefined)
  }
  return current
}

/** Text of a value inside a template: lists joined with ", ", objects as JSON, empty as "". */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map(textOf).filter(Boolean).join(', ')
  return JSON.stringify(v)
}

/**
 * The value of an expression for one raw person: a path gives the value (or the list of matches, for
 * a wildcard or filter path; `null` when nothing matched), a template gives text (`null` when every
 * `{{ }}` was empty), a constant gives its text.
 */
export function evaluateExpression(expr: Expression, raw: unknown): unknown {
  switch (expr.kind) {
    case 'constant':
      return expr.value
    case 'path': {
      const found = evaluatePath(expr, raw)
      if (expr.multi) return found.length === 0 ? null : found
      return found[0] ?? null
    }
    case 'template': {
      let anyValue = false
      let out = ''
      for (const part of expr.parts) {
        if (typeof part === 'string') out += part
        else {
          const t = textOf(evaluateExpression(part, raw))
          if (t !== '') anyValue = true
          out += t
        }
      }
      const hasPaths = expr.parts.some((p) => typeof p !== 'string')
      if (hasPaths && !anyValue) return null
      return out.replace(/\s{2,}/g, ' ').trim()
    }
  }
}

/** Is `text` a custom API field expression (as opposed to a standard field key or "constant")? */
export const looksLikeExpression = (text: string): boolean =>
  text.startsWith('$') || text.includes('{{') || text.startsWith("'") || text.startsWith('"')
