/**
 * Small seeded PRNG (mulberry32) and helpers: the synthetic org must be identical for the same seed.
 */
export type Rng = {
  /** Float in [0, 1). */
  next(): number
  /** Integer in [0, n). */
  int(n: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Version-4-shaped uuid built from the stream (deterministic, not random). */
  uuid(): string
  hex(bytes: number): string
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0')

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const u32 = (): number => Math.floor(next() * 4294967296)
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      // Callers never pass an empty list; the assertion keeps noUncheckedIndexedAccess quiet.
      return items[Math.floor(next() * items.length)] as T
    },
    uuid() {
      const a = hex8(u32())
      const b = hex8(u32())
      const c = hex8(u32())
      const d = hex8(u32())
      const variant = ((parseInt(c[0] ?? '0', 16) & 0x3) | 0x8).toString(16)
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
    },
    hex(bytes) {
      let out = ''
      while (out.length < bytes * 2) out += hex8(u32())
      return out.slice(0, bytes * 2)
    }
  }
  return rng
}
