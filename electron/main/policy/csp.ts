/**
 * The Content-Security-Policy of every page served from app:// (security.md S7). It is sent as a
 * response header by the protocol handler; the renderer's index.html carries the same policy as a
 * meta tag, less the directives a meta tag cannot carry, and the browser enforces both. No
 * 'unsafe-inline' or 'unsafe-eval' anywhere.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['frame-ancestors', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"]
]

/** Directives browsers honour only in a header (in a meta tag they are ignored with a console error). */
export const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set(['frame-ancestors'])

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(
  ([name, value]) => `${name} ${value}`
).join('; ')
