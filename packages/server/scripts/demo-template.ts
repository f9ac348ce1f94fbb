/**
 * `pnpm install` runs this: prepares the embedded database a first `pnpm start` begins from
 * (migrated, with the demo corpus), so a new user's first start skips PGlite's initdb.
 */
import { buildDemoTemplate } from '../src/services/demo-template.js';

const t0 = performance.now();
const path = await buildDemoTemplate();
console.log(`newsgraph: demo database template ready in ${Math.round(performance.now() - t0)} ms (${path})`);
