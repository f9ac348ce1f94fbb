import { parseArticle } from '@newsgraph/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDrafts } from './import.js';
import { openTestStore, query, type TestStore, testEngines } from './test-stores.js';

// Fictional outlets and stories only.
const ledgerUrl = (slug: string) => `https://lakeportledger.example/2025/03/04/${slug}`;
const ledger = (slug: string, related: string, byline = '') =>
  parseArticle({
    content: `Harbor Board Delays Vote on Ferry Fares ${slug}\n\nMarch 4, 2025\n\n${byline}\n\nThe board postponed a vote on Tuesday.\n\nRelated article: ${related}\n\nOriginal url: ${ledgerUrl(slug)}\n`,
  });
const courier = (slug: string, title: string, linkTo: string, author = '') =>
  parseArticle({
    content: `<html><head><title>${title}</title><link rel="canonical" href="https://northvalecourier.example/news/${slug}">
<meta property="og:site_name" content="Northvale Courier">${author ? `<meta name="author" content="${author}">` : ''}</head>
<body><article><h1>${title}</h1><p>Operators cited a <a href="${linkTo}">Lakeport Ledger report</a>.</p></article></body></html>`,
  });

const onPostgres = (await testEngines()).includes('postgres');

describe.runIf(onPostgres)('importDrafts in concurrent transactions (postgres)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('postgres');
  });
  afterAll(() => store?.close());

  const options = { recordRevision: false, createdBy: 'test' };

  /**
   * The first transaction stores its article and stays open; the second stores the other one meanwhile.
   * Neither can see the other's uncommitted row, so the references between them resolve only because
   * the second waits (on the reference lock, or on a source the first is creating) until the first commits.
   */
  async function overlapping(first: ReturnType<typeof parseArticle>, second: ReturnType<typeof parseArticle>) {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached = () => {};
    const atGate = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const one = store.handle.db.transaction(async (tx) => {
      const outcomes = await importDrafts(tx, [first], options);
      reached();
      await gate;
      return outcomes;
    });
    await atGate;
    const two = store.handle.db.transaction((tx) => importDrafts(tx, [second], options));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    return [...(await one), ...(await two)];
  }

  const unresolved = () =>
    query<{ kind: string }>(
      store.handle,
      `select c.kind from cross_references c join articles a on a.id = c.from_id
       where c.target_id is null and a.url like '%/race-%'`,
    );

  it('references between two articles stored at the same time resolve both ways', async () => {
    const title = 'Ferry Operators Warn of Winter Cuts race-1';
    const outcomes = await overlapping(ledger('race-1', title), courier('race-1', title, ledgerUrl('race-1')));
    expect(outcomes.map((o) => o.ok && o.result.outcome)).toEqual(['created', 'created']);
    expect(await unresolved()).toEqual([]);
  });

  it('a new source named by both is created once; both articles are stored', async () => {
    const title = 'Ferry Operators Warn of Winter Cuts race-2';
    const outcomes = await overlapping(
      ledger('race-2', title, 'By Tamsin Harrow'),
      courier('race-2', title, ledgerUrl('race-2'), 'Tamsin Harrow'),
    );
    expect(outcomes.map((o) => o.ok && o.result.outcome)).toEqual(['created', 'created']);
    const authors = await query<{ url: string }>(
      store.handle,
      `select a.url from attributions t join articles a on a.id = t.article_id join sources s on s.id = t.source_id
       where s.name = 'Tamsin Harrow' and t.role = 'AUTHOR' order by a.url`,
    );
    expect(authors).toHaveLength(2);
    const rows = await query<{ n: number }>(
      store.handle,
      "select count(*)::int as n from sources where lower(name) = 'tamsin harrow'",
    );
    expect(rows).toEqual([{ n: 1 }]);
    expect(await unresolved()).toEqual([]);
  });
});
