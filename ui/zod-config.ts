/**
 * zod 4 compiles fast validators with `new Function` the first time it parses, after probing whether
 * it may. The pages' CSP (`script-src 'self'`, no eval) refuses that probe and reports a violation on
 * every page load. Without JIT zod validates the same way, a little slower: imported first by every page
 * that uses zod (not the display, which ships none).
 */
import { z } from 'zod';

z.config({ jitless: true });
