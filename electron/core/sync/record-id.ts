/**
 * Time-ordered record ids in the UUID version 7 layout (RFC 9562): 48 bits of Unix milliseconds, a
 * 12-bit counter in `rand_a` that keeps ids from one process strictly increasing within a millisecond,
 * then random bits. Ids that grow append at the end of the people/saas_users id indexes and of the
 * record_history index, where random v4 ids split pages all over the B-tree (docs/benchmarks.md,
 * round 2). They are still unique across processes and machines thanks to the 62 random bits.
 */
import { randomUUID } from 'node:crypto'

let lastMs = 0
let counter = 0

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')

/** A new time-ordered id; `now` is a test seam. */
export function newRecordId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now
    counter = 0
  } else if (++counter > 0xfff) {
    // 4096 ids in one millisecond: borrow the next millisecond so the order still holds.
    lastMs++
    counter = 0
  }
  // randomUUID's pooled randomness and its variant bits (the 4th group) are reused as they are.
  const random = randomUUID()
  const ms = hex(lastMs, 12)
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(counter, 3)}${random.slice(18)}`
}
