#!/usr/bin/env node
// Builds the explorer when packages/explorer/dist is missing or older than its sources, so that
// `pnpm install && pnpm start` serves it at / without a separate build step. Fast when up to date.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newest } from '../../../scripts/newest-mtime.mjs';

const explorer = fileURLToPath(new URL('..', import.meta.url));
const built = join(explorer, 'dist', 'index.html');
const inputs = [
  join(explorer, 'src'),
  join(explorer, 'index.html'),
  join(explorer, 'vite.config.ts'),
  join(explorer, 'package.json'),
  join(explorer, '..', 'sdk', 'src'),
];

const force = process.argv.includes('--force');
const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...inputs.map(newest));
if (!force && builtAt && builtAt >= sourcesAt) process.exit(0);

console.log(builtAt ? 'newsgraph: explorer sources changed, rebuilding…' : 'newsgraph: building the explorer…');
const vitePackage = createRequire(join(explorer, 'package.json')).resolve('vite/package.json');
const vite = join(dirname(vitePackage), 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: explorer, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('newsgraph: the explorer did not build; the server will redirect / to GraphiQL');
  // the API still starts: a broken page must not take the service down
  process.exit(0);
}
