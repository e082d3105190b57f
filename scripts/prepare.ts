/**
 * Run by `npm install`: builds the front-ends and the migrated PGlite template, so that the first
 * `npm start` does neither.
 */
import { pgliteTemplateDir } from '../db/client.ts';
import { buildWeb } from '../server/web-build.ts';

const started = performance.now();
await Promise.all([buildWeb(), pgliteTemplateDir()]);
console.log(`lobby: front-ends and database template ready in ${Math.round(performance.now() - started)} ms`);
