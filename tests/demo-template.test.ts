import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articles, createDb, migrate } from '@newsgraph/db';
import { buildDemoTemplate, demoUrls, isEmpty, loadDemoTemplate } from '@newsgraph/server';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

// The prepared embedded database a first `pnpm start` begins from (made by `pnpm install`).
describe('demo database template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a new data dir starts from it: migrated, with the demo corpus; an existing dir never reads it', async () => {
    await buildDemoTemplate();
    const template = await loadDemoTemplate();
    expect(template?.size).toBeGreaterThan(100_000);
    const dataDir = join(dir, 'data');
    let asked = 0;
    const first = await createDb({
      url: '',
      dataDir,
      template: () => {
        asked++;
        return loadDemoTemplate();
      },
    });
    await migrate(first);
    expect(await isEmpty(first.db)).toBe(false);
    const [row] = await first.db.select({ n: count() }).from(articles);
    const demoCount = row?.n ?? 0;
    expect(demoCount).toBeGreaterThanOrEqual(10);
    const [wire] = await first.db.select({ url: articles.url }).from(articles).where(eq(articles.url, demoUrls.wire));
    expect(wire?.url).toBe(demoUrls.wire);
    await first.db
      .insert(articles)
      .values({ url: 'https://local.example/mine', title: 'Mine', titleKey: 'mine', body: 'Kept.' });
    await first.close();
    expect(asked).toBe(1);

    const again = await createDb({
      url: '',
      dataDir,
      template: () => {
        throw new Error('an existing data dir must not load the template');
      },
    });
    const [after] = await again.db.select({ n: count() }).from(articles);
    expect(after?.n).toBe(demoCount + 1);
    await again.close();
  }, 120_000);
});
