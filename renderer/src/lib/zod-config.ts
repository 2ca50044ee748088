/**
 * Imported first by main.tsx. Zod compiles fast validators with `new Function`, which our CSP forbids
 * (no 'unsafe-eval'); the probe alone would report a CSP violation, so switch the JIT off.
 */
import { z } from 'zod'

z.config({ jitless: true })
