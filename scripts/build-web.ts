/** `npm run build`: builds the four front-ends into dist/web. */
import { buildWeb } from '../server/web-build.ts';

await buildWeb();
