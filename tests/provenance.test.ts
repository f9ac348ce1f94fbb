import { demoUrls, insertArticle } from '@newsgraph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines, openStore, type Store } from './support/engines.js';
import { inProcessClient } from './support/graphql.js';

interface Step {
  depth: number;
  article: { url: string } | null;
  source: { name: string } | null;
  via: { __typename: string; kind?: string; role?: string } | null;
}

const STEPS = `depth article { url } source { name } via { __typename ... on CrossReference { kind } ... on Attribution { role } }`;

describe.each(engines)('provenance on the demo corpus (%s)', (engine) => {
  const demo = useDemoStore(engine);

  const provenanceOf = async (url: string, field = 'provenance', maxDepth = 6) =>
    (
      await demo.client.data<{ article: Record<string, Step[]> }>(
        `query ($url: String!, $d: Int) { article(url: $url) { ${field}(maxDepth: $d) { ${STEPS} } } }`,
        { url, d: maxDepth },
      )
    ).article[field] as Step[];

  it('walks upstream to the original reporting and to the sources it rests on', async () => {
    const steps = await provenanceOf(demoUrls.harborRadio);
    const articles = steps
      .filter((s) => s.article)
      .map((s) => [s.depth, s.article?.url, s.via?.kind])
      .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])));
    expect(articles).toEqual([
      [1, demoUrls.calder, 'RE_REPORTS'],
      [2, demoUrls.institute, 'CITES'],
      [2, demoUrls.wire, 'RE_REPORTS'],
    ]);
    // nearest first
    expect(steps.map((s) => s.depth)).toEqual([...steps.map((s) => s.depth)].sort((a, b) => a - b));
    const sources = steps.filter((s) => s.source).map((s) => [s.depth, s.source?.name, s.via?.role]);
    // Harbor Radio → The Calder Post (its wire origin) → Meridian Wire → two anonymous officials
    expect(sources).toContainEqual([1, 'The Calder Post', 'WIRE_ORIGIN']);
    expect(sources).toContainEqual([2, 'Meridian Wire', 'WIRE_ORIGIN']);
    expect(sources).toContainEqual([2, 'port officials familiar with the plans', 'ANONYMOUS_SOURCE']);
    expect(sources).toContainEqual([3, 'port officials familiar with the plans', 'ANONYMOUS_SOURCE']);
    expect(sources).toContainEqual([3, 'Valdren Port Authority', 'NAMED_SOURCE']);
    expect(steps.every((s) => s.depth <= 6)).toBe(true);
  });

  it("names each step's kind, role and evidence from the walk itself", async () => {
    demo.store.statements.length = 0;
    const result = await demo.client.data<{
      article: { provenance: { depth: number; kind: string | null; role: string | null; evidence: string | null }[] };
    }>(`query ($url: String!) { article(url: $url) { provenance(maxDepth: 2) { depth kind role evidence } } }`, {
      url: demoUrls.calder,
    });
    const steps = result.article.provenance;
    expect(steps).toContainEqual({ depth: 1, kind: 'RE_REPORTS', role: null, evidence: 'reported' });
    expect(steps).toContainEqual({
      depth: 1,
      kind: null,
      role: 'ANONYMOUS_SOURCE',
      evidence: 'citing two port officials familiar with the plans',
    });
    // the walk rides on the article's own query: one statement in all
    expect(demo.store.statements).toHaveLength(1);
    expect(demo.store.statements[0]).toMatch(/with recursive/);
  });

  it("reads each step's article and source with the walk; only what the walk does not carry loads afterwards", async () => {
    const query = (extra: string) => `query ($url: String!) { article(url: $url) { title provenance(maxDepth: 6) {
      depth article { id title url publishedAt status publisher { name } ${extra} } source { id name kind } } } }`;
    demo.store.statements.length = 0;
    const light = await demo.client.data<{
      article: {
        provenance: {
          article: { id: string; title: string; url: string; publishedAt: string | null; publisher: { name: string } };
          source: { id: string; name: string; kind: string } | null;
        }[];
      };
    }>(query(''), { url: demoUrls.harborRadio });
    // the article and its walk (with each step's article and source): one statement; the publishers: one more
    expect(demo.store.statements).toHaveLength(2);
    demo.store.statements.length = 0;
    await demo.client.data(
      `query ($url: String!) { article(url: $url) { provenance(maxDepth: 6) { article { id title } source { id name } } } }`,
      { url: demoUrls.harborRadio },
    );
    expect(demo.store.statements).toHaveLength(1);
    const wire = light.article.provenance.find((s) => s.article?.url === demoUrls.wire)?.article;
    expect(wire).toMatchObject({
      title: expect.any(String),
      status: 'CORRECTED',
      publisher: { name: 'Meridian Wire' },
    });
    expect(wire?.publishedAt).toBe('2026-03-02T06:30:00.000Z');
    expect(light.article.provenance.find((s) => s.source?.name === 'Meridian Wire')?.source?.kind).toBe('WIRE_AGENCY');

    // a column the walk does not read (the body's paragraphs) still resolves: one batch for all the steps,
    // which brings their publishers along
    demo.store.statements.length = 0;
    const full = await demo.client.data<{ article: { provenance: { article: { paragraphs: string[] } | null }[] } }>(
      query('paragraphs'),
      { url: demoUrls.harborRadio },
    );
    expect(full.article.provenance.filter((s) => s.article).every((s) => s.article?.paragraphs.length)).toBe(true);
    expect(demo.store.statements).toHaveLength(2);
  });

  it('stops at maxDepth', async () => {
    const steps = await provenanceOf(demoUrls.harborRadio, 'provenance', 1);
    expect(steps.filter((s) => s.article).map((s) => s.article?.url)).toEqual([demoUrls.calder]);
    expect(steps.every((s) => s.depth === 1)).toBe(true);
    const none = await provenanceOf(demoUrls.harborRadio, 'provenance', 0);
    expect(none).toEqual([]);
    const tooDeep = await demo.client.request(
      `{ articles(first: 1) { edges { node { provenance(maxDepth: 99) { depth } } } } }`,
    );
    expect(tooDeep.errors?.[0]?.message).toMatch(/maxDepth must be between 0 and 20/);
  });

  it('walks downstream: who repeated the wire report, and through whom', async () => {
    const steps = await provenanceOf(demoUrls.wire, 'derivedArticles');
    const found = steps.map((s) => [s.depth, s.article?.url, s.via?.kind]);
    expect(found).toEqual(
      expect.arrayContaining([
        [1, demoUrls.calder, 'RE_REPORTS'],
        [1, demoUrls.northgate, 'RE_REPORTS'],
        [2, demoUrls.harborRadio, 'RE_REPORTS'],
        [2, demoUrls.lakeshore, 'SYNDICATES'],
        [2, demoUrls.northgateOpinion, 'QUOTES'],
      ]),
    );
    expect(found).toHaveLength(5);
    // FOLLOWS_UP is not derivation: the follow-up does not repeat the report
    expect(found.map((f) => f[1])).not.toContain(demoUrls.wireFollowUp);
  });

  it('flags corrections made upstream after an article relied on them', async () => {
    const q = `query ($url: String!) { article(url: $url) { upstreamCorrections { kind note article { url } } } }`;
    const calder = await demo.client.data<{
      article: { upstreamCorrections: { kind: string; article: { url: string } }[] };
    }>(q, {
      url: demoUrls.calder,
    });
    expect(calder.article.upstreamCorrections).toEqual([
      { kind: 'CORRECTION', note: expect.stringContaining('850'), article: { url: demoUrls.wire } },
    ]);
    const twoHops = await demo.client.data<{ article: { upstreamCorrections: unknown[] } }>(q, {
      url: demoUrls.lakeshore,
    });
    expect(twoHops.article.upstreamCorrections).toHaveLength(1);
    // the wire's own correction is not upstream of the wire; the background piece rests on nothing corrected
    const wire = await demo.client.data<{ article: { upstreamCorrections: unknown[] } }>(q, { url: demoUrls.wire });
    expect(wire.article.upstreamCorrections).toEqual([]);
    const background = await demo.client.data<{ article: { upstreamCorrections: unknown[] } }>(q, {
      url: demoUrls.calderBackground,
    });
    expect(background.article.upstreamCorrections).toEqual([]);
  });

  it('a page of articles with their upstream corrections costs two statements, not one per article', async () => {
    demo.store.statements.length = 0;
    const page = await demo.client.data<{
      articles: {
        edges: { node: { url: string; upstreamCorrections: { kind: string; article: { url: string } }[] } }[];
      };
    }>('{ articles(first: 20) { edges { node { url upstreamCorrections { kind article { url } } } } } }');
    // the page with every article's correction ids; then the corrections (with their articles) in one batch
    expect(demo.store.statements).toHaveLength(2);
    const byUrl = new Map(page.articles.edges.map((e) => [e.node.url, e.node.upstreamCorrections]));
    expect(byUrl.get(demoUrls.calder)).toEqual([{ kind: 'CORRECTION', article: { url: demoUrls.wire } }]);
    expect(byUrl.get(demoUrls.lakeshore)).toHaveLength(1);
    expect(byUrl.get(demoUrls.wire)).toEqual([]);
    expect([...byUrl.values()].filter((list) => list.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('the corrections feed lists what affects a publisher: corrections upstream of its articles', async () => {
    const ids = await demo.client.data<{ calder: { id: string }; meridian: { id: string }; library: { id: string } }>(
      '{ calder: source(name: "The Calder Post") { id } meridian: source(name: "Meridian Wire") { id } library: source(name: "Harbor Radio") { id } }',
    );
    const feed = (id: string) =>
      demo.client.data<{ corrections: { totalCount: number; edges: { node: { article: { url: string } } }[] } }>(
        'query ($p: ID!) { corrections(filter: { affectsPublisherId: $p }) { totalCount edges { node { article { url } } } } }',
        { p: id },
      );
    const calder = await feed(ids.calder.id);
    expect(calder.corrections.edges.map((e) => e.node.article.url)).toEqual([demoUrls.wire]);
    expect(calder.corrections.totalCount).toBe(1);
    // Harbor Radio rests on the wire two hops away, through The Calder Post
    expect((await feed(ids.library.id)).corrections.totalCount).toBe(1);
    // the wire's own correction is not upstream of the wire's publisher
    expect((await feed(ids.meridian.id)).corrections.totalCount).toBe(0);
  });

  it('does not flag a correction made before the article was published', async () => {
    const db = demo.store.handle.db;
    const later = await db.transaction((tx) =>
      insertArticle(tx, {
        url: 'https://latecomer.example/2099/01/01/late-repeat',
        title: 'A Late Repeat of the Port Story',
        publishedAt: new Date('2099-01-01T00:00:00Z'),
        paragraphs: ['Meridian Wire reported the plan long ago.'],
        publisher: { name: 'Latecomer News', kind: 'OUTLET', domain: 'latecomer.example' },
        attributions: [],
        references: [{ kind: 'RE_REPORTS', targetUrl: demoUrls.wire }],
        createdBy: 'test',
      }),
    );
    const result = await demo.client.data<{ node: { upstreamCorrections: unknown[]; provenance: Step[] } }>(
      `query ($id: ID!) { node(id: $id) { ... on Article { upstreamCorrections { kind } provenance { ${STEPS} } } } }`,
      { id: Buffer.from(`Article:${later.id}`).toString('base64') },
    );
    expect(result.node.provenance.map((s) => s.article?.url).filter(Boolean)).toEqual([demoUrls.wire]);
    expect(result.node.upstreamCorrections).toEqual([]);
  });
});

describe.each(engines)('provenance on a generated graph with a hub and a cycle (%s)', (engine) => {
  let store: Store;
  let client: ReturnType<typeof inProcessClient>;
  const N = 10_000;
  const HUB_IN = 500;
  let ids: string[] = [];

  beforeAll(async () => {
    store = await openStore(engine);
    const db = store.handle.db;
    // bulk-load with SQL: a chain 0 ← 1 ← 2 … (article i re-reports i-1), a cycle 0 → 9 → 8 … → 1 → 0
    // among the first ten, and a hub (article 5000) that 500 articles cite
    await db.execute(
      `insert into sources (id, kind, name) values ('00000000-0000-4000-8000-0000000000aa', 'OUTLET', 'Generated Outlet')` as never,
    );
    await db.execute(
      `insert into articles (id, url, title, title_key, body, publisher_id, published_at)
       select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'https://gen.example/' || i, 'Generated ' || i,
              'generated ' || i, 'Body of generated article ' || i, '00000000-0000-4000-8000-0000000000aa',
              timestamptz '2026-01-01' + i * interval '1 minute'
       from generate_series(0, ${N - 1}) i` as never,
    );
    const id = (i: number) => `('00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
    await db.execute(
      `insert into cross_references (from_id, target_id, kind)
       select ${id(0).replace('0)', 'i)')}, ${id(0).replace('0)', 'i - 1)')}, 'RE_REPORTS' from generate_series(1, ${N - 1}) i` as never,
    );
    await db.execute(
      `insert into cross_references (from_id, target_id, kind) values (${id(0)}, ${id(9)}, 'RE_REPORTS')` as never,
    );
    await db.execute(
      `insert into cross_references (from_id, target_id, kind)
       select ${id(0).replace('0)', 'i)')}, ${id(5000)}, 'CITES' from generate_series(6000, ${6000 + HUB_IN - 1}) i` as never,
    );
    ids = [0, 5, 9, 5000, 6001].map((i) =>
      Buffer.from(`Article:00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`).toString('base64'),
    );
    client = inProcessClient(store.handle);
  });
  afterAll(() => store?.close());

  it('answers depth 6 in one statement, through the cycle without looping', async () => {
    store.statements.length = 0;
    const result = await client.data<{ node: { provenance: { depth: number }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Article { provenance(maxDepth: 6) { depth } } } }',
      { id: ids[0] },
    );
    // 0 → 9 → 8 → 7 → 6 → 5 → 4: six hops, each article once
    expect(result.node.provenance.map((s) => s.depth)).toEqual([1, 2, 3, 4, 5, 6]);
    // the node lookup and its walk are one statement
    expect(store.statements).toHaveLength(1);
  });

  it('walks down from a hub with 500 incoming edges', async () => {
    const result = await client.data<{ node: { derivedArticles: { depth: number }[] } }>(
      'query ($id: ID!) { node(id: $id) { ... on Article { derivedArticles(maxDepth: 6) { depth } } } }',
      { id: ids[3] },
    );
    const steps = result.node.derivedArticles;
    // 500 citing articles at depth 1 plus the chain 5001…5006 below the hub and below each citer
    expect(steps.filter((s) => s.depth === 1)).toHaveLength(HUB_IN + 1);
    expect(new Set(steps.map((s) => s.depth))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});
