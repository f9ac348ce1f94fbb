import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '@newsgraph/db';
import { seedDemo } from './demo.js';

/**
 * A new embedded database starts from a prepared data directory — migrated, with the demo corpus —
 * instead of running PGlite's initdb (seconds of WASM) and the migrations and seed on every first
 * start. The tarball is made once (`pnpm install` runs scripts/demo-template.ts) and named by a hash
 * of everything that shapes it: the PGlite version, the migrations and the demo corpus, so a
 * change to any of them makes a stale one invisible rather than wrong.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dbPackage = fileURLToPath(new URL('../../../db/', import.meta.url));

function templateKey(): string {
  const hash = createHash('sha256');
  const pglite = JSON.parse(
    readFileSync(join(dbPackage, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'),
  ) as { version: string };
  hash.update(pglite.version);
  const migrations = join(dbPackage, 'drizzle');
  for (const dir of readdirSync(migrations).sort()) {
    const file = join(migrations, dir, 'migration.sql');
    if (existsSync(file)) hash.update(dir).update(readFileSync(file));
  }
  for (const name of ['demo.ts', 'demo-corpus.ts', 'articles.ts', 'corrections.ts']) {
    hash.update(readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url))));
  }
  return hash.digest('hex').slice(0, 16);
}

export function demoTemplatePath(): string {
  return join(root, 'node_modules', '.cache', 'newsgraph', `demo-${templateKey()}.tar.gz`);
}

/** The prepared data directory, when one matching this code was made. */
export async function loadDemoTemplate(): Promise<Blob | undefined> {
  try {
    const path = demoTemplatePath();
    return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
  } catch {
    return undefined;
  }
}

/** Makes the template when it is missing; returns its path. */
export async function buildDemoTemplate(): Promise<string> {
  const path = demoTemplatePath();
  if (existsSync(path)) return path;
  const handle = await createDb({ url: '', dataDir: 'memory' });
  try {
    await migrate(handle);
    await seedDemo(handle.db);
    const blob = await handle.pglite?.dumpDataDir('gzip');
    if (!blob) throw new Error('PGlite did not dump its data directory');
    mkdirSync(dirname(path), { recursive: true });
    // written aside and renamed, so a concurrent start never reads half a file
    writeFileSync(`${path}.part`, Buffer.from(await blob.arrayBuffer()));
    renameSync(`${path}.part`, path);
    return path;
  } finally {
    await handle.close();
  }
}
