import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, query, type TestStore, testEngines } from '../services/test-stores.js';
import { collectFiles, importFiles } from './import.js';

// The reference article (anonymous sources relayed by a wire, quotes, photo credits), then fictional ones.
const corpus = readFileSync(
  fileURLToPath(
    new URL('../../../../../shared/corpus/moscow-times-2025-02-21-us-russia-secret-talks.txt', import.meta.url),
  ),
  'utf8',
);
const ledgerUrl = (slug: string) => `https://lakeportledger.example/2025/03/04/${slug}`;
const courierUrl = (slug: string) => `https://northvalecourier.example/news/${slug}`;
const courierTitle = (slug: string) => `Ferry Operators Warn of Winter Cuts ${slug}`;

const ledger = (slug: string, related: string, extra = '', urlSlug = slug) => `
Harbor Board Delays Vote on Ferry Fares ${slug}

March 4, 2025

By Mara Quill

The Lakeport Harbor Board postponed a vote on ferry fares on Tuesday, citing two unnamed officials.
${extra}
"We need more time," the board chair said.

Related article: ${related}

Original url: ${ledgerUrl(urlSlug)}
`;

const courier = (slug: string, linkTo: string) => `<!doctype html>
<html><head><title>${courierTitle(slug)}</title>
<link rel="canonical" href="${courierUrl(slug)}">
<meta property="og:site_name" content="Northvale Courier"></head>
<body><article><h1>${courierTitle(slug)}</h1><time datetime="2025-02-20T08:00:00Z">20 February</time>
<p>Operators said the route loses money every winter, according to a <a href="${linkTo}">Lakeport Ledger report</a>.</p>
</article></body></html>`;

// C before and after a revision: paragraph 0 (author, a citation) stays; paragraph 1 trades an anonymous
// source relayed by Reuters and a re-report for a named source and a citation of another article.
const faresUrl = (slug: string) => courierUrl(`fares-${slug}`);
const fares = (slug: string, revised: boolean) => `<!doctype html>
<html><head><title>Ferry Fares Rise Again</title>
<link rel="canonical" href="${faresUrl(slug)}">
<meta property="og:site_name" content="Northvale Courier"><meta name="author" content="Tamsin Harrow"></head>
<body><article><h1>Ferry Fares Rise Again</h1><time datetime="2025-03-05T08:00:00Z">5 March</time>
<p>Operators said the route loses money every winter, according to a <a href="${ledgerUrl(`${slug}-keep`)}">Lakeport Ledger report</a>.</p>
${
  revised
    ? `<p>Fares will rise in May, harbor master Ines Morrow said on Wednesday, as a <a href="${ledgerUrl(`${slug}-new`)}">new audit</a> warned.</p>`
    : `<p>Fares will rise in May, two officials familiar with the plan told Reuters, as an <a href="${ledgerUrl(`${slug}-old`)}">earlier analysis</a> warned.</p>`
}
</article></body></html>`;

/** What a store holds, in a form two stores can be compared by (no ids, no times). */
async function contents(store: TestStore) {
  const q = <T>(s: string) => query<T>(store.handle, s);
  return {
    articles: await q(
      `select url, title, title_key, published_at, body, version, status, content_hash, (select name from sources s where s.id = publisher_id) as publisher
       from articles order by url`,
    ),
    revisions: await q(
      'select a.url, r.version, r.title, r.body from article_revisions r join articles a on a.id = r.article_id order by 1, 2',
    ),
    sources: await q(
      `select s.name, s.kind, s.aliases, s.domain, s.anonymous_count, r.name as relayed_by
       from sources s left join sources r on r.id = s.relayed_by_id order by s.name, r.name`,
    ),
    attributions: await q(
      `select a.url, t.role, s.name as source, v.name as via, t.evidence, t.paragraph_index, t.asserted_by,
         t.removed_at is not null as removed
       from attributions t join articles a on a.id = t.article_id join sources s on s.id = t.source_id
       left join sources v on v.id = t.via_id order by 1, 2, 3, 4, 5`,
    ),
    references: await q(
      `select a.url, c.kind, c.anchor_text, c.paragraph_index, c.target_url, c.target_title, t.url as target,
         c.asserted_by, c.removed_at is not null as removed, c.removed_by
       from cross_references c join articles a on a.id = c.from_id left join articles t on t.id = c.target_id
       order by 1, 2, 3, 5, 6`,
    ),
    quotes: await q(
      `select a.url, q.text, q.paragraph_index, s.name as source from quotes q join articles a on a.id = q.article_id
       left join sources s on s.id = q.source_id order by 1, 3, 2`,
    ),
    corrections: await q(
      'select a.url, c.kind, c.note from corrections c join articles a on a.id = c.article_id order by 1, 3',
    ),
    audit: await q(
      "select input->>'file' as file, outcome->>'outcome' as outcome from audit_log where action = 'importArticle' order by 1, 2",
    ),
  };
}

const engines = await testEngines();

describe.each(engines)('newsgraph import in batches (%s)', (engine) => {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-batches-'));
  const write = (dir: string, files: Record<string, string>) => {
    mkdirSync(join(root, dir), { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, dir, name), content);
    return collectFiles([join(root, dir)]);
  };
  const concurrency = engine === 'postgres' ? 2 : 1;
  let batched: TestStore;
  let single: TestStore;

  beforeAll(async () => {
    [batched, single] = await Promise.all([openTestStore(engine), openTestStore(engine)]);
  });
  afterAll(async () => {
    await Promise.all([batched?.close(), single?.close()]);
    rmSync(root, { recursive: true, force: true });
  });

  it('stores a directory in batches exactly as one article per transaction would, failures and all', async () => {
    const files = write('mixed', {
      '00-corpus.txt': corpus,
      // two articles with one title, each naming that title: the first finds the second, the second the first
      '00-twin-1.txt': ledger('twin', 'Harbor Board Delays Vote on Ferry Fares twin', '', 'twin-1'),
      '00-twin-2.txt': ledger('twin', 'Harbor Board Delays Vote on Ferry Fares twin', '', 'twin-2'),
      // A names B by title in the same batch; B links A by url
      '01-a.txt': ledger('a', courierTitle('b')),
      '02-b.html': courier('b', ledgerUrl('a')),
      '03-a-again.txt': ledger('a', courierTitle('b')),
      '04-a-changed.txt': ledger('a', courierTitle('b'), '\nThe vote is now set for April.\n'),
      '05-no-url.txt': 'Ferry Fares Rise\n\nMarch 5, 2025\n\nFares rose again.\n',
      '06-no-title.html': '<html><body><p>No title anywhere.</p></body></html>',
      // C names D, which comes in the next batch; X names nothing that exists
      '07-c.txt': ledger('c', courierTitle('d')),
      '08-x.txt': ledger('x', 'A Story Nobody Wrote'),
      '09-d.html': courier('d', ledgerUrl('c')),
    });
    const options = { recordRevision: false, progress: false, concurrency };
    // batches: corpus, twins, A, B | A again, A changed, no url, C, X | D
    const first = await importFiles(batched.handle.db, files, { ...options, batchSize: 5 });
    expect(first.counts).toEqual({ created: 8, unchanged: 1, revised: 0, failed: 3 });
    expect(first.failures).toEqual([
      {
        file: expect.stringMatching(/04-a-changed\.txt$/),
        reason: expect.stringMatching(/^duplicate: .*already stored/),
      },
      { file: expect.stringMatching(/05-no-url\.txt$/), reason: expect.stringMatching(/^invalid url: /) },
      { file: expect.stringMatching(/06-no-title\.html$/), reason: expect.stringMatching(/^invalid title: /) },
    ]);
    const unresolved = await query(
      batched.handle,
      "select c.target_title from cross_references c join articles a on a.id = c.from_id where c.target_id is null and a.url like '%.example/%'",
    );
    expect(unresolved).toEqual([{ target_title: 'A Story Nobody Wrote' }]);
    const twins = await query(
      batched.handle,
      `select a.url, t.url as target from cross_references c join articles a on a.id = c.from_id
       join articles t on t.id = c.target_id where a.url like '%twin%' order by 1`,
    );
    expect(twins).toEqual([
      { url: ledgerUrl('twin-1'), target: ledgerUrl('twin-2') },
      { url: ledgerUrl('twin-2'), target: ledgerUrl('twin-1') },
    ]);

    const one = await importFiles(single.handle.db, files, { ...options, batchSize: 1, concurrency: 1 });
    expect(one.counts).toEqual(first.counts);
    expect(one.failures).toEqual(first.failures);
    expect(await contents(batched)).toEqual(await contents(single));

    // and again: nothing new, the same failures
    const again = await importFiles(batched.handle.db, files, { ...options, batchSize: 5 });
    expect(again.counts).toEqual({ created: 0, unchanged: 9, revised: 0, failed: 3 });
    const [mara] = await query<{ n: number }>(
      batched.handle,
      "select count(*)::int as n from sources where lower(name) = 'mara quill'",
    );
    expect(mara?.n).toBe(1);
  });

  it('records a changed copy in the same batch as a new revision with recordRevision', async () => {
    const files = write('revision', {
      '01-r.txt': ledger('r', 'Nothing'),
      '02-r-changed.txt': ledger('r', 'Nothing', '\nThe vote is now set for April.\n'),
    });
    const result = await importFiles(batched.handle.db, files, {
      recordRevision: true,
      progress: false,
      concurrency,
      batchSize: 10,
    });
    expect(result.counts).toEqual({ created: 1, unchanged: 0, revised: 1, failed: 0 });
    const rows = await query(
      batched.handle,
      `select a.version, (select count(*)::int from article_revisions r where r.article_id = a.id) as revisions
       from articles a where url = '${ledgerUrl('r')}'`,
    );
    expect(rows).toEqual([{ version: 2, revisions: 2 }]);
  });

  it('a revision, in the batch of its first copy or in a later one, retires what the new text dropped and keeps the rest', async () => {
    const links = (slug: string) =>
      Object.fromEntries(['keep', 'old', 'new'].map((t) => [`0-${t}.txt`, ledger(`${slug}-${t}`, 'Nothing')]));
    const options = { recordRevision: true, progress: false, concurrency: 1 };
    const stored = (store: TestStore, slug: string) =>
      query<{ id: string; what: string; removed: boolean }>(
        store.handle,
        `select t.id, t.role || ' ' || s.name as what, t.removed_at is not null as removed
         from attributions t join sources s on s.id = t.source_id join articles a on a.id = t.article_id
         where a.url = '${faresUrl(slug)}'
         union all
         select c.id, c.kind || ' ' || c.anchor_text || ' -> ' || coalesce(t.url, '?'), c.removed_at is not null
         from cross_references c join articles a on a.id = c.from_id left join articles t on t.id = c.target_id
         where a.url = '${faresUrl(slug)}'
         order by 2, 3`,
      );
    const expected = (slug: string) => [
      { what: 'ANONYMOUS_SOURCE two officials familiar with the plan', removed: true },
      { what: 'AUTHOR Tamsin Harrow', removed: false },
      { what: `CITES Lakeport Ledger report -> ${ledgerUrl(`${slug}-keep`)}`, removed: false },
      { what: `CITES new audit -> ${ledgerUrl(`${slug}-new`)}`, removed: false },
      { what: 'NAMED_SOURCE Ines Morrow', removed: false },
      { what: 'PUBLISHER Northvale Courier', removed: false },
      { what: `RE_REPORTS earlier analysis -> ${ledgerUrl(`${slug}-old`)}`, removed: true },
      { what: 'WIRE_ORIGIN Reuters', removed: true },
    ];

    // both copies in one batch: the second is stored after the first, as a revision of it
    const together = write('follow-together', {
      ...links('together'),
      '1-c.html': fares('together', false),
      '2-c-changed.html': fares('together', true),
    });
    const one = await importFiles(batched.handle.db, together, { ...options, batchSize: 10 });
    expect(one.counts).toEqual({ created: 4, unchanged: 0, revised: 1, failed: 0 });
    expect((await stored(batched, 'together')).map(({ id: _, ...r }) => r)).toEqual(expected('together'));

    // a later batch: what stays keeps its ids
    await importFiles(
      batched.handle.db,
      write('follow-apart', { ...links('apart'), '1-c.html': fares('apart', false) }),
      options,
    );
    const before = await stored(batched, 'apart');
    const changed = write('follow-apart-changed', { '2-c-changed.html': fares('apart', true) });
    const two = await importFiles(batched.handle.db, changed, options);
    expect(two.counts).toEqual({ created: 0, unchanged: 0, revised: 1, failed: 0 });
    const after = await stored(batched, 'apart');
    expect(after.map(({ id: _, ...r }) => r)).toEqual(expected('apart'));
    for (const row of before) {
      expect(after.find((r) => r.what === row.what)?.id).toBe(row.id);
    }

    // and again: unchanged, nothing written
    expect((await importFiles(batched.handle.db, changed, options)).counts.unchanged).toBe(1);
    expect(await stored(batched, 'apart')).toEqual(after);
  });

  it('a file the database refuses fails alone: the rest of its batch is stored', async () => {
    // a url far past what a btree index entry can hold: the parser takes it, the database does not
    const long = `https://lakeportledger.example/${Array.from({ length: 3000 }, (_, i) => ((i * 7919) % 1000003).toString(36)).join('')}`;
    const files = write('refused', {
      '01-e.txt': ledger('e', 'Nothing'),
      '02-long.txt': ledger('long', 'Nothing').replace(ledgerUrl('long'), long),
      '03-f.txt': ledger('f', 'Nothing'),
    });
    const before = await query<{ n: number }>(
      batched.handle,
      "select count(*)::int as n from audit_log where action = 'importArticle'",
    );
    const result = await importFiles(batched.handle.db, files, {
      recordRevision: false,
      progress: false,
      concurrency,
      batchSize: 10,
    });
    expect(result.counts).toEqual({ created: 2, unchanged: 0, revised: 0, failed: 1 });
    expect(result.failures).toEqual([
      { file: expect.stringMatching(/02-long\.txt$/), reason: expect.stringMatching(/index row/) },
    ]);
    const stored = await query(
      batched.handle,
      `select url from articles where url in ('${ledgerUrl('e')}', '${ledgerUrl('f')}') order by url`,
    );
    expect(stored).toEqual([{ url: ledgerUrl('e') }, { url: ledgerUrl('f') }]);
    const after = await query<{ n: number }>(
      batched.handle,
      "select count(*)::int as n from audit_log where action = 'importArticle'",
    );
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(2);
  });

  it('a batch of new articles costs a fixed number of statements, not a dozen per article', async () => {
    const files = write(
      'many',
      Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [`${String(i).padStart(2, '0')}.txt`, ledger(`many-${i}`, 'Nothing')]),
      ),
    );
    const options = { recordRevision: false, progress: false, concurrency, batchSize: 30 };
    batched.statements.length = 0;
    expect((await importFiles(batched.handle.db, files, options)).counts.created).toBe(30);
    // stored urls, no JIT, sources found, articles with their rows, lock, references, audit
    expect(batched.statements.length).toBeLessThanOrEqual(8);
    batched.statements.length = 0;
    expect((await importFiles(batched.handle.db, files, options)).counts.unchanged).toBe(30);
    // stored urls, audit
    expect(batched.statements.length).toBe(2);
  });
});
