#!/usr/bin/env node
/**
 * `pnpm start` and `pnpm newsgraph` run the CLI through this: from one esbuild bundle of the server
 * and its dependencies, rebuilt (in about half a second) whenever a source file, the lockfile or a
 * patch is newer than it. Loading ~900 modules through tsx's loader hooks took 1.3–1.8 s of every
 * start; the bundle loads in a fraction of that.
 *
 * Paths stay those of the sources: each workspace file's `import.meta.url` is baked in as its own
 * file URL, and PGlite (which reads its wasm and data files next to its module) stays an external
 * import by absolute path. The bundle lives in node_modules/.cache, made on this machine.
 * NEWSGRAPH_NO_BUNDLE=1, or a bundle that cannot be built, runs the sources through tsx instead.
 *
 * `node run.mjs --bundle-only [OUT]` builds the bundle (to OUT, or the cache) and exits.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { newest } from '../../../scripts/newest-mtime.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const entry = join(root, 'packages/server/src/cli/main.ts');
const cached = join(root, 'node_modules/.cache/newsgraph/server.mjs');
const inputs = [
  ...['server', 'db', 'ingest', 'sdk'].flatMap((p) => [
    join(root, 'packages', p, 'src'),
    join(root, 'packages', p, 'package.json'),
  ]),
  join(root, 'pnpm-lock.yaml'),
  join(root, 'patches'),
  fileURLToPath(import.meta.url),
];

/** Builds the bundle at `out` (written beside it, then renamed: a concurrent start never reads half a file). */
export async function buildBundle(out) {
  const { build } = await import('esbuild');
  mkdirSync(join(out, '..'), { recursive: true });
  const partial = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // ES module builds first: a CommonJS copy of graphql reached from ES modules is wrapped in
    // getter objects, and every `isListType` of the executor went through one (6% of a large query)
    mainFields: ['module', 'main'],
    outfile: partial,
    logLevel: 'error',
    // dependencies that are CommonJS call require(); an ES module has none of its own
    banner: {
      js: "import { createRequire as __newsgraphCreateRequire } from 'node:module'; const require = __newsgraphCreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'newsgraph-source-paths',
        setup(b) {
          b.onResolve({ filter: /^@electric-sql\/pglite($|\/)/ }, (args) => ({
            path: createRequire(args.importer).resolve(args.path),
            external: true,
          }));
          // one graphql in the bundle: a deep import (graphql/language/parser) takes the ES module too
          b.onResolve({ filter: /^graphql\/[^.]+$/ }, (args) => ({
            path: createRequire(args.importer).resolve(`${args.path}.mjs`),
          }));
          b.onLoad({ filter: /\/packages\/[^/]+\/src\/.*\.ts$/ }, async (args) => ({
            contents: (await readFile(args.path, 'utf8')).replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  renameSync(partial, out);
  return out;
}

async function bundled() {
  if (process.env.NEWSGRAPH_NO_BUNDLE === '1') return null;
  try {
    if (existsSync(cached) && statSync(cached).mtimeMs >= Math.max(...inputs.map(newest))) return cached;
    return await buildBundle(cached);
  } catch (error) {
    console.error(`newsgraph: running from the sources (no bundle: ${error instanceof Error ? error.message : error})`);
    return null;
  }
}

if (process.argv[2] === '--bundle-only') {
  const out = process.argv[3] ?? cached;
  const t0 = performance.now();
  await buildBundle(out);
  console.log(`newsgraph: server bundle ready in ${Math.round(performance.now() - t0)} ms (${out})`);
} else {
  const bundle = await bundled();
  if (bundle) {
    await import(pathToFileURL(bundle).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(entry).href);
  }
}
