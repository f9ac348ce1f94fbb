import { parseArticle } from '@newsgraph/ingest';
import { sql } from 'drizzle-orm';
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

  /** The first transaction begins (its created_at is earlier) but stores its article only after the second committed. */
  async function startedFirstCommittedLast(
    first: ReturnType<typeof parseArticle>,
    second: ReturnType<typeof parseArticle>,
  ) {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let begun = () => {};
    const atGate = new Promise<void>((resolve) => {
      begun = resolve;
    });
    const one = store.handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      begun();
      await gate;
      return importDrafts(tx, [first], options);
    });
    await atGate;
    const two = await store.handle.db.transaction((tx) => importDrafts(tx, [second], options));
    release();
    return [...(await one), ...two];
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

  it('two articles with one title, each naming it, find each other whichever commits first', async () => {
    const twin = (pair: string, n: number) =>
      parseArticle({
        content: `Harbor Board Delays Vote race-twin-${pair}\n\nMarch 4, 2025\n\nThe board postponed a vote.\n\nRelated article: Harbor Board Delays Vote race-twin-${pair}\n\nOriginal url: ${ledgerUrl(`race-twin-${pair}${n}`)}\n`,
      });
    const targets = (pair: string) =>
      query(
        store.handle,
        `select a.url, t.url as target from cross_references c join articles a on a.id = c.from_id
         left join articles t on t.id = c.target_id where a.url like '%race-twin-${pair}%' order by 1`,
      );
    await overlapping(twin('a', 1), twin('a', 2));
    expect(await targets('a')).toEqual([
      { url: ledgerUrl('race-twin-a1'), target: ledgerUrl('race-twin-a2') },
      { url: ledgerUrl('race-twin-a2'), target: ledgerUrl('race-twin-a1') },
    ]);
    await startedFirstCommittedLast(twin('b', 1), twin('b', 2));
    expect(await targets('b')).toEqual([
      { url: ledgerUrl('race-twin-b1'), target: ledgerUrl('race-twin-b2') },
      { url: ledgerUrl('race-twin-b2'), target: ledgerUrl('race-twin-b1') },
    ]);
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
