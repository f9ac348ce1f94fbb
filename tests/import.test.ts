import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from '@newsgraph/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openStore, type Store } from './support/engines.js';
import { inProcessClient } from './support/graphql.js';
import { keysFor } from './support/keys.js';

const corpus = readFileSync(
  fileURLToPath(new URL('../../shared/corpus/moscow-times-2025-02-21-us-russia-secret-talks.txt', import.meta.url)),
  'utf8',
);
const CORPUS_URL =
  'https://themoscowtimes.com/2025/02/21/us-and-russia-held-secret-talks-on-ukraine-in-switzerland-reuters-a88103';

const IMPORT = `mutation ($input: ImportArticleInput!) {
  importArticle(input: $input) {
    __typename
    ... on ImportArticleSuccess { created warnings article { id url title version status } }
    ... on ValidationError { message issues { field message } }
    ... on DuplicateError { message existingId }
  }
}`;

const ARTICLE = `query ($url: String!) {
  article(url: $url) {
    id url title publishedAt version status paragraphs
    publisher { name kind domain }
    attributions { role evidence paragraphIndex assertedBy source { name kind anonymousCount relayedBy { name } } via { name } }
    references(first: 50) { totalCount edges { node { kind anchorText paragraphIndex targetUrl targetTitle target { url title } } } }
    citedBy(first: 50) { totalCount edges { node { kind from { url } } } }
    quotes { text paragraphIndex source { name } }
    corrections { kind note assertedBy createdBy statedAt fromVersion toVersion changes { field } }
    revisions { version title }
    jsonLd
  }
}`;

type ImportResult = {
  importArticle: {
    __typename: string;
    created?: boolean;
    warnings?: string[];
    article?: { id: string; url: string; title: string; version: number; status: string };
    issues?: { field: string; message: string }[];
    message?: string;
    existingId?: string | null;
  };
};

interface ArticleView {
  id: string;
  url: string;
  title: string;
  publishedAt: string | null;
  version: number;
  status: string;
  paragraphs: string[];
  publisher: { name: string; kind: string; domain: string | null } | null;
  attributions: {
    role: string;
    evidence: string | null;
    paragraphIndex: number | null;
    assertedBy: string;
    source: { name: string; kind: string; anonymousCount: number | null; relayedBy: { name: string } | null };
    via: { name: string } | null;
  }[];
  references: {
    totalCount: number;
    edges: {
      node: {
        kind: string;
        anchorText: string | null;
        paragraphIndex: number | null;
        targetUrl: string | null;
        targetTitle: string | null;
        target: { url: string; title: string } | null;
      };
    }[];
  };
  citedBy: { totalCount: number; edges: { node: { kind: string; from: { url: string } } }[] };
  quotes: { text: string; paragraphIndex: number; source: { name: string } | null }[];
  corrections: {
    kind: string;
    note: string;
    assertedBy: string;
    createdBy: string;
    statedAt: string | null;
    fromVersion: number;
    toVersion: number;
    changes: { field: string }[];
  }[];
  revisions: { version: number; title: string }[];
  jsonLd: Record<string, unknown>;
}

// Fictional outlets and stories. A (text) names B as a related article by title; B (HTML) links A by url.
const ledgerUrl = (slug: string) => `https://www.lakeportledger.example/2025/03/04/${slug}`;
const courierUrl = (slug: string) => `https://northvalecourier.example/news/${slug}`;

const ledgerText = (slug: string, relatedTitle: string, extra = '') => `

Harbor Board Delays Vote on Ferry Fares ${slug}

March 4, 2025

By Mara Quill

The Lakeport Harbor Board postponed a vote on ferry fares on Tuesday, citing two unnamed officials who asked for more <u>figures</u>.

"We need more time," the board chair said.
${extra}
Related article: ${relatedTitle}

Original url: ${ledgerUrl(slug)}
`;

const courierHtml = (title: string, slug: string, linkTo: string, correction = '') => `<!doctype html>
<html><head><title>${title}</title>
<link rel="canonical" href="${courierUrl(slug)}">
<meta property="og:site_name" content="Northvale Courier">
</head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
<time datetime="2025-02-20T08:00:00Z">20 February</time>
<p>Operators said the route loses money every winter, according to a <a href="${linkTo}">Lakeport Ledger report</a>.</p>
${correction}
</article></body></html>`;

// C, before and after a revision: paragraph 0 (an author, a citation of one stored article) stays; paragraph 1
// trades an anonymous source relayed by Reuters and a re-report of another stored article for a named
// source and a citation of a third.
const faresUrl = (slug: string) => courierUrl(`fares-${slug}`);
const faresHtml = (slug: string, second: string) => `<!doctype html>
<html><head><title>Ferry Fares Rise Again</title>
<link rel="canonical" href="${faresUrl(slug)}">
<meta property="og:site_name" content="Northvale Courier">
<meta name="author" content="Tamsin Harrow">
</head><body><article><h1>Ferry Fares Rise Again</h1>
<time datetime="2025-03-05T08:00:00Z">5 March</time>
<p>Operators said the route loses money every winter, according to a <a href="${ledgerUrl(`${slug}-keep`)}">Lakeport Ledger report</a>.</p>
${second}
</article></body></html>`;
const faresBefore = (slug: string) =>
  faresHtml(
    slug,
    `<p>Fares will rise in May, two officials familiar with the plan told Reuters, as an <a href="${ledgerUrl(`${slug}-old`)}">earlier analysis</a> warned.</p>`,
  );
const faresAfter = (slug: string) =>
  faresHtml(
    slug,
    `<p>Fares will rise in May, harbor master Ines Morrow said on Wednesday, as a <a href="${ledgerUrl(`${slug}-new`)}">new audit</a> warned.</p>`,
  );

const count = async (store: Store, table: string): Promise<number> => {
  const result = await store.handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return (rows[0] as { n: number }).n;
};
const TABLES = [
  'articles',
  'article_revisions',
  'sources',
  'attributions',
  'cross_references',
  'quotes',
  'corrections',
];
const counts = async (store: Store) =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(store, t)] as const)));

describe.each(engines)('importArticle (%s)', (engine) => {
  let store: Store;
  let client: ReturnType<typeof inProcessClient>;
  let keys: Awaited<ReturnType<typeof keysFor>>;

  beforeAll(async () => {
    store = await openStore(engine);
    client = inProcessClient(store.handle);
    keys = await keysFor(store.handle);
  });
  afterAll(() => store?.close());

  const importArticle = async (input: Record<string, unknown>, key: string | null = keys.editor) => {
    const result = await client.request<ImportResult>(IMPORT, { input }, key ? keys.bearer(key) : {});
    expect(result.errors).toBeUndefined();
    if (!result.data) throw new Error('no data');
    return result.data.importArticle;
  };
  const article = async (url: string) => (await client.data<{ article: ArticleView | null }>(ARTICLE, { url })).article;

  it('imports the corpus article with everything DESIGN.md lists', async () => {
    const started = performance.now();
    const result = await importArticle({ content: corpus });
    const ms = performance.now() - started;
    console.info(`[import] corpus article through importArticle on ${engine}: ${ms.toFixed(0)} ms`);
    expect(result).toMatchObject({
      __typename: 'ImportArticleSuccess',
      created: true,
      article: { url: CORPUS_URL, title: 'U.S. and Russia Held Secret Talks on Ukraine in Switzerland', version: 1 },
    });

    const a = await article(CORPUS_URL);
    if (!a) throw new Error('not stored');
    expect(a.publishedAt).toBe('2025-02-21T00:00:00.000Z');
    expect(a.status).toBe('PUBLISHED');
    expect(a.paragraphs).toHaveLength(7);
    expect(a.publisher).toEqual({ name: 'The Moscow Times', kind: 'OUTLET', domain: 'themoscowtimes.com' });

    const roles = a.attributions.map((x) => [x.role, x.source.name, x.via?.name ?? null]);
    expect(roles).toEqual(
      expect.arrayContaining([
        ['PUBLISHER', 'The Moscow Times', null],
        ['WIRE_ORIGIN', 'Reuters', null],
        ['ANONYMOUS_SOURCE', 'sources familiar with the matter', 'Reuters'],
        ['ANONYMOUS_SOURCE', 'one Reuters source', 'Reuters'],
        ['PHOTO_CREDIT', 'TASS', null],
        ['PHOTO_CREDIT', 'Artem Geodakyan', null],
      ]),
    );
    const wire = a.attributions.find((x) => x.role === 'WIRE_ORIGIN');
    expect(wire?.evidence).toMatch(/Reuters reported Thursday/);
    expect(wire?.paragraphIndex).toBe(0);
    expect(wire?.assertedBy).toBe('PARSER');
    const anonymous = a.attributions.filter((x) => x.role === 'ANONYMOUS_SOURCE');
    for (const x of anonymous) {
      expect(x.source.kind).toBe('ANONYMOUS');
      expect(x.source.relayedBy?.name).toBe('Reuters');
    }
    expect(anonymous.find((x) => x.source.name === 'one Reuters source')?.source.anonymousCount).toBe(1);
    const photo = a.attributions.filter((x) => x.role === 'PHOTO_CREDIT');
    expect(photo.map((x) => [x.source.name, x.source.kind, x.evidence]).sort()).toEqual([
      ['Artem Geodakyan', 'PERSON', 'Artem Geodakyan / TASS'],
      ['TASS', 'PHOTO_AGENCY', 'Artem Geodakyan / TASS'],
    ]);

    const refs = a.references.edges.map((e) => e.node);
    expect(refs).toContainEqual({
      kind: 'RELATED',
      anchorText: expect.any(String),
      paragraphIndex: null,
      targetUrl: null,
      targetTitle: 'Kremlin Courts Trump Behind the Scenes as His Foreign Policy Rhetoric Rattles U.S. Allies',
      target: null,
    });
    expect(refs).toContainEqual(
      expect.objectContaining({ kind: 'RE_REPORTS', anchorText: 'reported', paragraphIndex: 0, target: null }),
    );
    expect(refs).toContainEqual(expect.objectContaining({ kind: 'CITES', anchorText: 'engaged', paragraphIndex: 4 }));

    expect(a.quotes).toContainEqual({
      text: 'lost their relevance',
      paragraphIndex: 6,
      source: { name: 'one Reuters source' },
    });
    expect(a.quotes).toContainEqual({ text: 'track two', paragraphIndex: 1, source: { name: 'Reuters' } });
    expect(a.quotes.map((q) => q.text)).toContain('improving communication and floating ideas');
    expect(a.quotes.map((q) => q.paragraphIndex)).toEqual([...a.quotes.map((q) => q.paragraphIndex)].sort());

    expect(a.corrections).toEqual([]);
    expect(a.revisions).toEqual([{ version: 1, title: a.title }]);

    expect(a.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      url: CORPUS_URL,
      headline: a.title,
      datePublished: '2025-02-21T00:00:00.000Z',
      publisher: { name: 'The Moscow Times' },
      sourceOrganization: { name: 'Reuters' },
      isBasedOn: { '@type': 'NewsArticle', publisher: { name: 'Reuters' } },
      image: { creditText: 'Artem Geodakyan / TASS', creator: { name: 'Artem Geodakyan' } },
    });
  });

  it('importing the same content again changes nothing and says so', async () => {
    const before = await counts(store);
    const again = await importArticle({ content: corpus });
    expect(again).toMatchObject({ __typename: 'ImportArticleSuccess', created: false, article: { version: 1 } });
    expect(again.warnings?.some((w) => w.startsWith('unchanged'))).toBe(true);
    expect(await counts(store)).toEqual(before);
  });

  it('different content for a stored url is a DuplicateError; with recordRevision it becomes version 2', async () => {
    const changed = corpus.replace(
      'U.S. and Russia Held Secret Talks on Ukraine in Switzerland',
      'U.S. and Russia Held Secret Talks on Ukraine in Geneva',
    );
    const before = await counts(store);
    const duplicate = await importArticle({ content: changed });
    expect(duplicate.__typename).toBe('DuplicateError');
    expect(duplicate.existingId).toBeTruthy();
    expect(await counts(store)).toEqual(before);

    const revised = await importArticle({ content: changed, recordRevision: true });
    expect(revised).toMatchObject({
      __typename: 'ImportArticleSuccess',
      created: false,
      article: { version: 2, status: 'CORRECTED', title: 'U.S. and Russia Held Secret Talks on Ukraine in Geneva' },
    });
    const a = await article(CORPUS_URL);
    expect(a?.revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(a?.corrections).toEqual([
      expect.objectContaining({
        kind: 'UPDATE',
        assertedBy: 'PARSER',
        fromVersion: 1,
        toVersion: 2,
        changes: [{ field: 'title' }, { field: 'status' }],
      }),
    ]);
    // the revised text is now the stored content: importing it again is a no-op
    const same = await importArticle({ content: changed, recordRevision: true });
    expect(same).toMatchObject({ created: false, article: { version: 2 } });
    expect(await count(store, 'article_revisions')).toBe((before.article_revisions ?? 0) + 1);
  });

  it.each([
    ['target imported later', true],
    ['target imported first', false],
  ])('resolves references by title and by url (%s)', async (_name, ledgerFirst) => {
    const slug = ledgerFirst ? 'later' : 'first';
    const courierTitle = `Ferry Operators Warn of Winter Cuts on Route ${slug}`;
    const ledger = ledgerText(slug, courierTitle);
    const courier = courierHtml(courierTitle, slug, ledgerUrl(slug));
    for (const content of ledgerFirst ? [ledger, courier] : [courier, ledger]) {
      expect((await importArticle({ content })).__typename).toBe('ImportArticleSuccess');
    }
    const a = await article(ledgerUrl(slug).replace('www.', ''));
    const b = await article(courierUrl(slug));
    if (!a || !b) throw new Error('not stored');
    // A → B by the full related title; B → A by url with its anchor text
    expect(a.references.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({
        kind: 'RELATED',
        targetTitle: courierTitle,
        target: { url: b.url, title: courierTitle },
      }),
    );
    expect(b.references.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({
        kind: 'CITES',
        anchorText: 'Lakeport Ledger report',
        target: { url: a.url, title: a.title },
      }),
    );
    expect(a.citedBy.edges.map((e) => e.node)).toEqual([{ kind: 'CITES', from: { url: b.url } }]);
    expect(b.citedBy.edges.map((e) => e.node)).toEqual([{ kind: 'RELATED', from: { url: a.url } }]);
    expect(b.jsonLd).toMatchObject({ citation: { '@type': 'NewsArticle', url: a.url, headline: a.title } });
  });

  it('deduplicates sources across imports: one publisher, one author, one anonymous group per outlet', async () => {
    const q = await client.data<{
      ledger: { id: string; published: { totalCount: number } } | null;
      courier: { id: string; published: { totalCount: number } } | null;
      author: { attributions: { totalCount: number } } | null;
      sources: { totalCount: number };
    }>(`{
      ledger: source(name: "lakeportledger.example") { id published { totalCount } }
      courier: source(name: "Northvale Courier") { id published { totalCount } }
      author: source(name: "Mara Quill") { attributions(role: AUTHOR) { totalCount } }
      sources(first: 100) { totalCount }
    }`);
    expect(q.ledger?.published.totalCount).toBe(2);
    expect(q.courier?.published.totalCount).toBe(2);
    expect(q.author?.attributions.totalCount).toBe(2);
    const rows = await store.handle.db.execute(
      sql`select name, count(*)::int as n from sources group by name having count(*) > 1`,
    );
    expect(Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).toEqual([]);
  });

  it('records correction notes found in the text as parser corrections of the published version', async () => {
    const html = courierHtml(
      'Ferry Pier Reopens After Repairs',
      'pier-reopens',
      ledgerUrl('later'),
      '<p>Correction: March 1, 2025. An earlier version misstated the number of ferries.</p>',
    );
    const result = await importArticle({ content: html });
    expect(result).toMatchObject({ created: true, article: { version: 1, status: 'CORRECTED' } });
    const a = await article(courierUrl('pier-reopens'));
    expect(a?.paragraphs.join(' ')).not.toMatch(/Correction:/);
    expect(a?.corrections).toEqual([
      {
        kind: 'CORRECTION',
        note: 'Correction: March 1, 2025. An earlier version misstated the number of ferries.',
        assertedBy: 'PARSER',
        createdBy: 'parser',
        statedAt: '2025-03-01T00:00:00.000Z',
        fromVersion: 1,
        toVersion: 1,
        changes: [],
      },
    ]);
    expect(a?.jsonLd).toMatchObject({
      correction: [
        {
          '@type': 'CorrectionComment',
          text: expect.stringMatching(/misstated/),
          datePublished: '2025-03-01T00:00:00.000Z',
        },
      ],
    });
  });

  it.each([
    ['empty', { content: '   \n\n ' }, 'content'],
    ['binary', { content: `GIF89a\u0001\u0002\u0003\u0000\u0004\u0005` }, 'content'],
    ['HTML with no title', { content: '<html><body><article><p>Text only.</p></article></body></html>' }, 'title'],
    [
      'a garbage date',
      {
        content:
          '<html><head><title>Ferry Fares Rise</title><meta property="article:published_time" content="next blursday"></head><body><article><p>Fares rose.</p></article></body></html>',
        url: 'https://northvalecourier.example/news/fares-rise',
      },
      'publishedAt',
    ],
    ['no canonical url', { content: 'Ferry Fares Rise\n\nMarch 5, 2025\n\nFares rose again.' }, 'url'],
    ['a bad url', { content: 'Ferry Fares Rise\n\nFares rose.', url: 'ftp://x' }, 'url'],
  ])('%s → ValidationError naming the field, nothing stored', async (_name, input, field) => {
    const before = await counts(store);
    const result = await importArticle(input);
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues?.map((i) => i.field)).toEqual([field]);
    expect(await counts(store)).toEqual(before);
  });

  it('10 MB: refused at the door by the body limit, and by the parser where the limit is raised; nothing stored', async () => {
    const before = await counts(store);
    const content = `Ferry Fares Rise\n\n${'Fares rose again. '.repeat(600_000)}`;
    const atTheDoor = await client.request(IMPORT, { input: { content } }, keys.bearer(keys.editor));
    expect(atTheDoor.status).toBe(413);
    expect(atTheDoor.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');

    const roomy = createApp({ handle: store.handle, limits: { maxBodyBytes: 32 * 1024 * 1024 } });
    const response = await roomy.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...keys.bearer(keys.editor) },
      body: JSON.stringify({ query: IMPORT, variables: { input: { content } } }),
    });
    const json = (await response.json()) as { data: ImportResult };
    expect(json.data.importArticle.__typename).toBe('ValidationError');
    expect(json.data.importArticle.issues).toEqual([
      { field: 'content', message: expect.stringMatching(/larger than/) },
    ]);
    expect(await counts(store)).toEqual(before);
  });

  it.runIf(engine === 'postgres')(
    'concurrent imports of the same new article and outlet both succeed, storing it once',
    async () => {
      const content = courierHtml(
        'Lighthouse Keepers Return to Gull Point',
        'lighthouse',
        'https://gullpointgazette.example/x',
      );
      const other = courierHtml('Gull Point Ferry Timetable Changes', 'timetable', 'https://gullpointgazette.example/y')
        .replaceAll('northvalecourier.example', 'gullpointgazette.example')
        .replace('Northvale Courier', 'Gull Point Gazette');
      const results = await Promise.all([
        importArticle({ content }),
        importArticle({ content }),
        importArticle({ content: other }),
        importArticle({
          content: other.replace('Timetable Changes', 'Timetable Changes Again').replace('/timetable', '/timetable-2'),
        }),
      ]);
      expect(results.map((r) => r.__typename)).toEqual(Array(4).fill('ImportArticleSuccess'));
      expect(
        results
          .slice(0, 2)
          .map((r) => r.created)
          .sort(),
      ).toEqual([false, true]);
      const gazette = await client.data<{ source: { published: { totalCount: number } } | null }>(
        '{ source(name: "Gull Point Gazette") { published { totalCount } } }',
      );
      expect(gazette.source?.published.totalCount).toBe(2);
    },
  );

  /** Every attribution and reference of the article at `url`, retired ones too, straight from the tables. */
  const stored = async (url: string) => {
    const rows = async <T>(statement: string) => {
      const result = await store.handle.db.execute(sql.raw(statement));
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
    };
    const attributions = await rows<{
      id: string;
      role: string;
      source: string;
      asserted_by: string;
      removed: boolean;
    }>(
      `select t.id, t.role, s.name as source, t.asserted_by, t.removed_at is not null as removed
       from attributions t join sources s on s.id = t.source_id join articles a on a.id = t.article_id
       where a.url = '${url}' order by t.role, s.name, t.created_at`,
    );
    const references = await rows<{
      id: string;
      kind: string;
      anchor_text: string | null;
      target: string | null;
      asserted_by: string;
      removed_by: string | null;
      removed: boolean;
    }>(
      `select c.id, c.kind, c.anchor_text, t.url as target, c.asserted_by, c.removed_by, c.removed_at is not null as removed
       from cross_references c join articles a on a.id = c.from_id left join articles t on t.id = c.target_id
       where a.url = '${url}' order by c.kind, c.anchor_text, c.created_at`,
    );
    const attribution = (role: string, source: string) => {
      const found = attributions.filter((x) => x.role === role && x.source === source);
      expect(found).toHaveLength(1);
      return found[0] as (typeof attributions)[number];
    };
    const reference = (kind: string, anchorText: string, assertedBy = 'PARSER') => {
      const found = references.filter(
        (x) => x.kind === kind && x.anchor_text === anchorText && x.asserted_by === assertedBy,
      );
      expect(found).toHaveLength(1);
      return found[0] as (typeof references)[number];
    };
    return { attributions, references, attribution, reference };
  };

  const REVISED = `query ($url: String!, $gone: String!) {
    article(url: $url) {
      id version
      attributions { role assertedBy source { name } }
      sources { name }
      references(first: 50) { totalCount edges { node { kind anchorText assertedBy target { url } } } }
      provenance(maxDepth: 1) { depth article { url } source { name } }
      jsonLd
    }
    gone: source(name: $gone) { id attributions(first: 10) { totalCount edges { node { role } } } }
  }`;
  type Revised = {
    article: {
      id: string;
      version: number;
      attributions: { role: string; assertedBy: string; source: { name: string } }[];
      sources: { name: string }[];
      references: {
        totalCount: number;
        edges: {
          node: { kind: string; anchorText: string | null; assertedBy: string; target: { url: string } | null };
        }[];
      };
      provenance: { depth: number; article: { url: string } | null; source: { name: string } | null }[];
      jsonLd: Record<string, unknown>;
    };
    gone: { id: string; attributions: { totalCount: number; edges: unknown[] } } | null;
  };
  const revisedView = (url: string) =>
    client.data<Revised>(REVISED, { url, gone: 'two officials familiar with the plan' });
  const provenanceOf = (a: Revised['article']) =>
    a.provenance.map((p) => [p.depth, p.article?.url ?? null, p.source?.name ?? null]).sort();

  it('a recorded revision retires the attributions and references its text dropped, keeps the others, adds and resolves the new', async () => {
    const slug = 'rev-follow';
    for (const target of ['keep', 'old', 'new']) {
      expect((await importArticle({ content: ledgerText(`${slug}-${target}`, 'Nothing') })).__typename).toBe(
        'ImportArticleSuccess',
      );
    }
    const [keep, old, fresh] = ['keep', 'old', 'new'].map((t) => ledgerUrl(`${slug}-${t}`).replace('www.', ''));
    const url = faresUrl(slug);
    expect(await importArticle({ content: faresBefore(slug) })).toMatchObject({ created: true });
    const v1 = await stored(url);
    expect(provenanceOf((await revisedView(url)).article)).toEqual(
      [
        [1, keep, null],
        [1, old, null],
        [1, null, 'Reuters'],
        [1, null, 'two officials familiar with the plan'],
      ].sort(),
    );

    const revised = await importArticle({ content: faresAfter(slug), recordRevision: true });
    expect(revised).toMatchObject({ __typename: 'ImportArticleSuccess', created: false, article: { version: 2 } });
    const v2 = await stored(url);

    // unchanged: the same rows, ids and all
    for (const [role, source] of [
      ['PUBLISHER', 'Northvale Courier'],
      ['AUTHOR', 'Tamsin Harrow'],
    ] as const) {
      expect(v2.attribution(role, source)).toEqual({ ...v1.attribution(role, source), removed: false });
    }
    expect(v2.reference('CITES', 'Lakeport Ledger report')).toEqual({
      ...v1.reference('CITES', 'Lakeport Ledger report'),
      target: keep,
      removed: false,
    });
    // dropped: still on record, retired
    for (const [role, source] of [
      ['WIRE_ORIGIN', 'Reuters'],
      ['ANONYMOUS_SOURCE', 'two officials familiar with the plan'],
    ] as const) {
      expect(v2.attribution(role, source)).toEqual({ ...v1.attribution(role, source), removed: true });
    }
    expect(v2.reference('RE_REPORTS', 'earlier analysis')).toEqual({
      ...v1.reference('RE_REPORTS', 'earlier analysis'),
      target: old,
      removed: true,
      removed_by: 'parser',
    });
    // added, and resolved to the stored article it links, as a first import would
    expect(v2.attribution('NAMED_SOURCE', 'Ines Morrow')).toMatchObject({ asserted_by: 'PARSER', removed: false });
    expect(v2.reference('CITES', 'new audit')).toMatchObject({ target: fresh, asserted_by: 'PARSER', removed: false });
    expect(v2.attributions).toHaveLength(5);
    expect(v2.references).toHaveLength(3);

    // reads see the new text's links only
    const { article: a, gone } = await revisedView(url);
    expect(a.attributions.map((x) => [x.role, x.source.name]).sort()).toEqual([
      ['AUTHOR', 'Tamsin Harrow'],
      ['NAMED_SOURCE', 'Ines Morrow'],
      ['PUBLISHER', 'Northvale Courier'],
    ]);
    expect(a.sources.map((x) => x.name).sort()).toEqual(['Ines Morrow', 'Northvale Courier', 'Tamsin Harrow']);
    expect(a.references.totalCount).toBe(2);
    expect(a.references.edges.map((e) => [e.node.anchorText, e.node.target?.url]).sort()).toEqual([
      ['Lakeport Ledger report', keep],
      ['new audit', fresh],
    ]);
    expect(provenanceOf(a)).toEqual(
      [
        [1, keep, null],
        [1, fresh, null],
        [1, null, 'Ines Morrow'],
      ].sort(),
    );
    expect(JSON.stringify(a.jsonLd)).not.toMatch(/Reuters|familiar with the plan|rev-follow-old/);
    expect(JSON.stringify(a.jsonLd)).toContain('rev-follow-new');
    // the retired attribution no longer counts for its source, nor finds the article by it
    expect(gone).toMatchObject({ attributions: { totalCount: 0, edges: [] } });
    const bySource = await client.data<{ articles: { totalCount: number } }>(
      'query ($id: ID!) { articles(filter: { sourceId: $id }) { totalCount } }',
      { id: gone?.id },
    );
    expect(bySource.articles.totalCount).toBe(0);
    const downstream = await client.data<{ article: { derivedArticles: unknown[]; citedBy: { totalCount: number } } }>(
      'query ($url: String!) { article(url: $url) { derivedArticles { depth } citedBy(first: 5) { totalCount } } }',
      { url: old },
    );
    expect(downstream.article).toEqual({ derivedArticles: [], citedBy: { totalCount: 0 } });

    // the same text again: unchanged, nothing written
    const before = { counts: await counts(store), rows: await stored(url) };
    const again = await importArticle({ content: faresAfter(slug), recordRevision: true });
    expect(again).toMatchObject({ created: false, article: { version: 2 } });
    expect(again.warnings?.some((w) => w.startsWith('unchanged'))).toBe(true);
    const after = await stored(url);
    expect({
      counts: await counts(store),
      rows: { attributions: after.attributions, references: after.references },
    }).toEqual({
      counts: before.counts,
      rows: { attributions: before.rows.attributions, references: before.rows.references },
    });
  });

  it("a recorded revision leaves an editor's attributions and references alone, and what an editor removed stays removed", async () => {
    const slug = 'rev-editor';
    for (const target of ['keep', 'old', 'new']) {
      expect((await importArticle({ content: ledgerText(`${slug}-${target}`, 'Nothing') })).__typename).toBe(
        'ImportArticleSuccess',
      );
    }
    const [old, fresh] = ['old', 'new'].map((t) => ledgerUrl(`${slug}-${t}`).replace('www.', ''));
    const url = faresUrl(slug);
    const editor = async <T>(query: string, variables: Record<string, unknown>) => {
      const result = await client.request<T>(query, variables, keys.bearer(keys.editor));
      expect(result.errors).toBeUndefined();
      return result.data as T;
    };
    // the editor's article first: a document source and a re-report of the article the parser's text drops
    const created = await editor(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { __typename } }`,
      {
        input: {
          url,
          title: 'Ferry Fares Rise Again',
          body: 'Fares will rise in May.',
          attributions: [
            {
              role: 'DOCUMENT_SOURCE',
              source: { name: 'Harbor Board minutes', kind: 'DOCUMENT' },
              evidence: 'the minutes',
              paragraphIndex: 0,
            },
          ],
          references: [{ kind: 'RE_REPORTS', targetUrl: ledgerUrl(`${slug}-old`), anchorText: 'earlier analysis' }],
        },
      },
    );
    expect(created).toEqual({ createArticle: { __typename: 'CreateArticleSuccess' } });
    // then the published text, as a revision; an editor removes one of the parser's references
    expect(await importArticle({ content: faresBefore(slug), recordRevision: true })).toMatchObject({
      article: { version: 2 },
    });
    const v2 = await stored(url);
    const minutes = v2.attribution('DOCUMENT_SOURCE', 'Harbor Board minutes');
    expect(minutes).toMatchObject({ asserted_by: 'EDITOR', removed: false });
    const editorRef = v2.reference('RE_REPORTS', 'earlier analysis', 'EDITOR');
    expect(editorRef).toMatchObject({ target: old, removed: false });
    expect(v2.reference('RE_REPORTS', 'earlier analysis')).toMatchObject({ target: old, removed: false });
    const keepRef = v2.reference('CITES', 'Lakeport Ledger report');
    const listed = await client.data<{
      article: { references: { edges: { node: { id: string; anchorText: string } }[] } };
    }>('query ($url: String!) { article(url: $url) { references(first: 10) { edges { node { id anchorText } } } } }', {
      url,
    });
    const unlinked = listed.article.references.edges.find((e) => e.node.anchorText === 'Lakeport Ledger report');
    expect(
      await editor('mutation ($id: ID!) { removeCrossReference(input: { id: $id }) { __typename } }', {
        id: unlinked?.node.id,
      }),
    ).toEqual({ removeCrossReference: { __typename: 'RemoveCrossReferenceSuccess' } });

    expect(await importArticle({ content: faresAfter(slug), recordRevision: true })).toMatchObject({
      article: { version: 3 },
    });
    const v3 = await stored(url);
    expect(v3.attribution('DOCUMENT_SOURCE', 'Harbor Board minutes')).toEqual(minutes);
    expect(v3.reference('RE_REPORTS', 'earlier analysis', 'EDITOR')).toEqual(editorRef);
    expect(v3.reference('RE_REPORTS', 'earlier analysis')).toMatchObject({ removed: true, removed_by: 'parser' });
    expect(v3.attribution('ANONYMOUS_SOURCE', 'two officials familiar with the plan')).toMatchObject({ removed: true });
    // the new text still links the article the editor unlinked: the removal stands, nothing new is made
    expect(v3.reference('CITES', 'Lakeport Ledger report')).toEqual({
      ...keepRef,
      removed: true,
      removed_by: 'test editor',
    });
    expect(v3.reference('CITES', 'new audit')).toMatchObject({ target: fresh, removed: false });

    const { article: a } = await revisedView(url);
    expect(a.attributions.map((x) => [x.role, x.source.name, x.assertedBy]).sort()).toEqual([
      ['AUTHOR', 'Tamsin Harrow', 'PARSER'],
      ['DOCUMENT_SOURCE', 'Harbor Board minutes', 'EDITOR'],
      ['NAMED_SOURCE', 'Ines Morrow', 'PARSER'],
      ['PUBLISHER', 'Northvale Courier', 'PARSER'],
    ]);
    expect(a.references.edges.map((e) => [e.node.kind, e.node.assertedBy, e.node.target?.url]).sort()).toEqual([
      ['CITES', 'PARSER', fresh],
      ['RE_REPORTS', 'EDITOR', old],
    ]);
    // provenance follows the editor's link to the old article, and the new text's to the new one
    expect(provenanceOf(a)).toEqual(
      [
        [1, old, null],
        [1, fresh, null],
        [1, null, 'Harbor Board minutes'],
        [1, null, 'Ines Morrow'],
      ].sort(),
    );
  });

  it('needs an editor key: anonymous is UNAUTHENTICATED, a reader FORBIDDEN', async () => {
    const before = await counts(store);
    const content = ledgerText('anon', 'Nothing');
    const anonymous = await client.request(IMPORT, { input: { content } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await client.request(IMPORT, { input: { content } }, keys.bearer(keys.reader));
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts(store)).toEqual(before);
  });

  it('writes one audit row per import, without the content', async () => {
    const result = await store.handle.db.execute(
      sql`select actor, input, outcome from audit_log where action = 'importArticle' order by created_at desc limit 1`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      actor: string;
      input: Record<string, unknown>;
    }[];
    expect(rows[0]?.actor).toBe('test editor');
    expect(rows[0]?.input).not.toHaveProperty('content');
  });
});
