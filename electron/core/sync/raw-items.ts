/**
 * The hash of a raw Webex person, over its bytes exactly as Webex sent them (the listing hands each
 * item's bytes out, electron/core/webex/page-scan.ts): it says whether a person changed since the
 * last read without decoding or parsing them. sha1 of the UTF-8 bytes, base64url, which is what
 * `hashText` gives for the same person's text, so hashes stored by earlier builds still match.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'

export const hashRawBytes: (bytes: Uint8Array) => string =
  typeof oneShotHash === 'function'
    ? (bytes) => oneShotHash('sha1', bytes, 'base64url')
    : (bytes) => createHash('sha1').update(bytes).digest('base64url')
