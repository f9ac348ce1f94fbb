import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { violations } from '../scripts/check-versions.mjs';

const check = violations as (dir: string) => string[];

describe('dependency version floors (offline)', () => {
  const fake = mkdtempSync(join(tmpdir(), 'newsgraph-store-'));
  afterAll(() => rmSync(fake, { recursive: true, force: true }));

  it('holds for what is installed', () => {
    expect(check(fileURLToPath(new URL('../node_modules/.pnpm', import.meta.url)))).toEqual([]);
  });

  it('catches each package below its floor, and accepts the patched lines', () => {
    for (const dir of [
      'drizzle-orm@0.44.7',
      'drizzle-orm@1.0.0-beta.19_postgres@3.4.9',
      'drizzle-orm@0.45.2',
      'drizzle-orm@1.0.0-rc.4_postgres@3.4.9',
      'graphql-yoga@5.21.2_graphql@16.15.0',
      'graphql-yoga@5.24.1_graphql@16.15.0',
      'graphql@16.8.0',
      'graphql@16.15.0',
      'graphql@15.11.0',
    ]) {
      mkdirSync(join(fake, dir), { recursive: true });
    }
    expect(check(fake).sort()).toEqual([
      'drizzle-orm@0.44.7 is below >=0.45.2 <1.0.0-0 || >=1.0.0-beta.20',
      'drizzle-orm@1.0.0-beta.19 is below >=0.45.2 <1.0.0-0 || >=1.0.0-beta.20',
      'graphql-yoga@5.21.2 is below >=5.21.3',
      'graphql@16.8.0 is below <16.3.0 || >=16.8.1',
    ]);
  });
});
