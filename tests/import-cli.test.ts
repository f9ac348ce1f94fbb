import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

/** runCli, with a failing exit turned into a result rather than a throw. */
async function cli(args: string[], env: Record<string, string>) {
  try {
    return { code: 0, ...(await runCli(args, env)) };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

// Fictional outlets and stories only.
const ferryText = `
Harbor Board Delays Vote on Ferry Fares

March 4, 2025

By Mara Quill

The Lakeport Harbor Board postponed a vote on ferry fares on Tuesday, citing two unnamed officials.

"We need more time," the board chair said.

Related article: Ferry Operators Warn of Winter Cuts

Original url: https://lakeportledger.example/2025/03/04/harbor-board-delays-vote
`;

const marketText = `
Night Market Returns to the Old Quay

5 March 2025

Stallholders returned to the Old Quay on Wednesday after a two-month break.

Original url: https://lakeportledger.example/2025/03/05/night-market-returns
`;

const ferryHtml = `<!doctype html>
<html><head><title>Ferry Operators Warn of Winter Cuts</title>
<link rel="canonical" href="https://northvalecourier.example/news/ferry-winter-cuts">
<meta property="og:site_name" content="Northvale Courier"></head>
<body><article><h1>Ferry Operators Warn of Winter Cuts</h1><time datetime="2025-02-20T08:00:00Z">20 February</time>
<p>Operators said the route loses money every winter, according to a
<a href="https://lakeportledger.example/2025/03/04/harbor-board-delays-vote">Lakeport Ledger report</a>.</p>
</article></body></html>`;

describe('newsgraph import / export on the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-import-'));
  const dataDir = join(root, 'data');
  const articlesDir = join(root, 'articles');
  const env = { NEWSGRAPH_DATA_DIR: dataDir };

  beforeAll(() => {
    mkdirSync(join(articlesDir, 'courier'), { recursive: true });
    writeFileSync(join(articlesDir, 'ferry.txt'), ferryText);
    writeFileSync(join(articlesDir, 'market.txt'), marketText);
    writeFileSync(join(articlesDir, 'courier', 'ferry.htm'), ferryHtml);
    writeFileSync(join(articlesDir, 'broken.html'), '<html><body><p>No title anywhere.</p></body></html>');
    writeFileSync(join(articlesDir, 'notes.md'), '# not an article');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('imports a directory: a summary, a reason for the failed file, exit code 1, the rows stored', async () => {
    const first = await cli(['import', articlesDir], env);
    expect(first.stdout).toMatch(/created 3, unchanged 0, revised 0, failed 1/);
    expect(first.stderr).toMatch(/failed .*broken\.html: invalid title: .*no title/);
    expect(first.stderr).not.toMatch(/notes\.md/);
    expect(first.code).toBe(1);

    const again = await cli(['import', articlesDir], env);
    expect(again.stdout).toMatch(/created 0, unchanged 3, revised 0, failed 1/);
    expect(again.code).toBe(1);

    const ok = await cli(['import', join(articlesDir, 'ferry.txt'), join(articlesDir, 'courier')], env);
    expect(ok.stdout).toMatch(/created 0, unchanged 2, revised 0, failed 0/);
    expect(ok.code).toBe(0);

    const handle = await createDb({ url: '', dataDir });
    try {
      const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
      const articles = rows(await handle.db.execute(sql`select url from articles order by url`));
      expect(articles).toEqual([
        { url: 'https://lakeportledger.example/2025/03/04/harbor-board-delays-vote' },
        { url: 'https://lakeportledger.example/2025/03/05/night-market-returns' },
        { url: 'https://northvalecourier.example/news/ferry-winter-cuts' },
      ]);
      // both references found their targets, whichever file came first
      const unresolved = rows(await handle.db.execute(sql`select kind from cross_references where target_id is null`));
      expect(unresolved).toEqual([]);
      const audit = rows(
        await handle.db.execute(sql`select count(*)::int as n from audit_log where action = 'importArticle'`),
      );
      expect(audit).toEqual([{ n: 8 }]);
    } finally {
      await handle.close();
    }
  });

  it('export prints the JSON-LD of the article at a url; an unknown url fails', async () => {
    const out = await cli(['export', 'https://www.lakeportledger.example/2025/03/04/harbor-board-delays-vote'], env);
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      url: 'https://lakeportledger.example/2025/03/04/harbor-board-delays-vote',
      headline: 'Harbor Board Delays Vote on Ferry Fares',
      datePublished: '2025-03-04T00:00:00.000Z',
      publisher: { name: 'lakeportledger.example' },
      author: { '@type': 'Person', name: 'Mara Quill' },
    });

    const missing = await cli(['export', 'https://lakeportledger.example/nothing-here'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no article at/);
  });
});
