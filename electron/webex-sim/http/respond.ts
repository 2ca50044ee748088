/** Response builders with Webex's content type and error body shape (webex-api.md §4.2). */
import type { SimResponse } from './types'

export const JSON_TYPE = 'application/json;charset=UTF-8'

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): SimResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) }
}

/** Pre-serialised JSON: text, or UTF-8 bytes (a listing page is built from cached bytes, serialize.ts). */
export function rawJson(
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {}
): SimResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body }
}

export function noContent(): SimResponse {
  return { status: 204, headers: {} }
}

export function errorBody(message: string, trackingId: string, description = message) {
  return { message, errors: [{ description }], trackingId }
}

export function error(
  status: number,
  message: string,
  trackingId: string,
  headers: Record<string, string> = {}
): SimResponse {
  return json(status, errorBody(message, trackingId), headers)
}

export function html(status: number, text: string): SimResponse {
  const safe = text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return {
    status,
    headers: { 'content-type': 'text/html;charset=UTF-8' },
    body: `<!doctype html><title>Webex simulator</title><p>${safe}</p>`
  }
}

export function redirect(location: string): SimResponse {
  return { status: 302, headers: { location }, body: '' }
}
