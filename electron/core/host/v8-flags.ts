/**
 * V8 flags of the core process. Main starts the core with them (electron/main/core-process.ts) and
 * the benchmarks run with them (tests/bench/run.ts), so what is measured is what ships.
 *
 * An explicit old-space limit, because V8 sizes its heap growth from it: with the default limit on a
 * machine with plenty of RAM, a 100k-people sync let garbage pile up to 300+ MB of heap between
 * collections (peak RSS 335–437 MB), against a live set under 70 MB; with 1 GB the same sync peaks
 * near 70 MB of heap and 245–270 MB of RSS, at no measurable cost in time (docs/benchmarks.md,
 * round 4). 1 GB stays far above anything the core holds on purpose (the mapping studio's cached
 * last read included).
 */
export const CORE_V8_FLAGS: readonly string[] = ['--max-old-space-size=1024']
