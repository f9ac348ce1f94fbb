import { demoUrls } from '@newsgraph/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines } from './support/engines.js';

interface Node {
  id: string;
  title: string;
  url: string;
}

describe.each(engines)('read API on the demo corpus (%s)', (engine) => {
  const demo = useDemoStore(engine);
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    const all = await demo.client.data<{ articles: { edges: { node: Node }[] } }>(
      '{ articles(first: 100) { edges { node { id url title } } } }',
    );
    for (const { node } of all.articles.edges) idOf[node.url] = node.id;
  });

  it('looks an article up by id and by url, with publisher, attributions and its correction', async () => {
    const byUrl = await demo.client.data<{ article: Record<string, unknown> & { id: string } }>(
      `query ($url: String!) { article(url: $url) {
        id title version status publishedAt language paragraphs
        publisher { name kind domain }
        attributions { role source { name kind anonymousCount relayedBy { name } } via { name } evidence paragraphIndex assertedBy }
        corrections { kind note fromVersion toVersion createdBy changes { field paragraphs { index op before after } } }
        revisions { version paragraphs correction { kind } }
      } }`,
      { url: demoUrls.wire },
    );
    const a = byUrl.article;
    expect(a).toMatchObject({
      title: 'Valdren Port Authority Weighs Ending Night Shifts at Container Terminal',
      version: 2,
      status: 'CORRECTED',
      publishedAt: '2026-03-02T06:30:00.000Z',
      language: 'en',
      publisher: { name: 'Meridian Wire', kind: 'WIRE_AGENCY', domain: 'meridianwire.example' },
    });
    expect((a.paragraphs as string[])[1]).toMatch(/^About 850 night-shift workers/);
    expect(a.attributions).toContainEqual(
      expect.objectContaining({
        role: 'ANONYMOUS_SOURCE',
        source: {
          name: 'port officials familiar with the plans',
          kind: 'ANONYMOUS',
          anonymousCount: 2,
          relayedBy: { name: 'Meridian Wire' },
        },
        via: { name: 'Meridian Wire' },
        paragraphIndex: 0,
        assertedBy: 'PARSER',
      }),
    );
    expect(a.corrections).toEqual([
      {
        kind: 'CORRECTION',
        note: expect.stringContaining('850'),
        fromVersion: 1,
        toVersion: 2,
        createdBy: 'demo',
        changes: [
          {
            field: 'body',
            paragraphs: [
              {
                index: 1,
                op: 'changed',
                before: expect.stringMatching(/^About 1,200/),
                after: expect.stringMatching(/^About 850/),
              },
            ],
          },
          { field: 'status', paragraphs: [] },
        ],
      },
    ]);
    const revisions = a.revisions as { version: number; paragraphs: string[]; correction: { kind: string } | null }[];
    expect(revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(revisions[0]?.paragraphs[1]).toMatch(/^About 1,200/);
    expect(revisions[0]?.correction).toBeNull();
    expect(revisions[1]?.correction).toEqual({ kind: 'CORRECTION' });

    const byId = await demo.client.data<{ article: { url: string; title: string } }>(
      'query ($id: ID!) { article(id: $id) { url title } }',
      { id: a.id },
    );
    expect(byId.article.url).toBe(demoUrls.wire);

    // the url as a reader copied it: www., tracking parameters, a fragment, a trailing slash
    const messy = `${demoUrls.wire.replace('https://', 'https://www.')}/?utm_source=feed&utm_medium=social#comments`;
    const byMessyUrl = await demo.client.data<{ article: { url: string } | null }>(
      'query ($url: String!) { article(url: $url) { url } }',
      { url: messy },
    );
    expect(byMessyUrl.article?.url).toBe(demoUrls.wire);
  });

  it('shows the text as it read then: revision(version) and revision(asOf)', async () => {
    const result = await demo.client.data<{
      article: {
        v1: { version: number; body: string };
        v2: { version: number; body: string };
        then: null;
        now: { version: number };
      };
    }>(
      `query ($url: String!) { article(url: $url) {
        v1: revision(version: 1) { version body }
        v2: revision(version: 2) { version body }
        then: revision(asOf: "2000-01-01T00:00:00Z") { version }
        now: revision(asOf: "2100-01-01T00:00:00Z") { version }
      } }`,
      { url: demoUrls.wire },
    );
    expect(result.article.v1.body).toContain('About 1,200');
    expect(result.article.v2.body).toContain('About 850');
    expect(result.article.then).toBeNull();
    expect(result.article.now.version).toBe(2);
  });

  it('gives outgoing references with targets, unresolved ones with url and title, and incoming citedBy', async () => {
    const result = await demo.client.data<{
      article: {
        sources: { name: string; kind: string }[];
        references: { totalCount: number; edges: { node: Record<string, unknown> }[] };
        related: { edges: { node: { target: { url: string } | null } }[] };
        citedBy: { totalCount: number; edges: { node: { kind: string; from: { url: string } } }[] };
      };
    }>(
      `query ($url: String!) { article(url: $url) {
        sources { name kind }
        references(first: 10) { totalCount edges { node { kind anchorText paragraphIndex targetUrl targetTitle target { url } } } }
        related: references(kind: RELATED) { edges { node { target { url } } } }
        citedBy { totalCount edges { node { kind from { url } } } }
      } }`,
      { url: demoUrls.calder },
    );
    const { sources, references, related, citedBy } = result.article;
    expect(sources.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'The Calder Post',
        'Meridian Wire',
        'port officials familiar with the plans',
        'Ines Varga',
        'Beacon Images',
      ]),
    );
    expect(new Set(sources.map((s) => s.name)).size).toBe(sources.length);
    expect(sources).toContainEqual({ name: 'Beacon Images', kind: 'PHOTO_AGENCY' });
    expect(references.totalCount).toBe(4);
    const nodes = references.edges.map((e) => e.node);
    expect(nodes).toContainEqual({
      kind: 'RE_REPORTS',
      anchorText: 'reported',
      paragraphIndex: 0,
      targetUrl: demoUrls.wire,
      targetTitle: null,
      target: { url: demoUrls.wire },
    });
    expect(nodes).toContainEqual(
      expect.objectContaining({ kind: 'CITES', anchorText: 'a study', target: { url: demoUrls.institute } }),
    );
    expect(nodes).toContainEqual({
      kind: 'CITES',
      anchorText: 'called an emergency meeting',
      paragraphIndex: 2,
      targetUrl: demoUrls.missing,
      targetTitle: "Dockworkers' Union Calls Emergency Meeting",
      target: null,
    });
    expect(related.edges.map((e) => e.node.target?.url)).toEqual([demoUrls.calderBackground]);
    expect(citedBy.totalCount).toBe(2);
    expect(citedBy.edges.map((e) => [e.node.kind, e.node.from.url]).sort()).toEqual(
      [
        ['QUOTES', demoUrls.northgateOpinion],
        ['RE_REPORTS', demoUrls.harborRadio],
      ].sort(),
    );
  });

  it('shows the syndicated copy and both re-reports as incoming edges of their originals', async () => {
    const result = await demo.client.data<{
      wire: { citedBy: { edges: { node: { kind: string; from: { publisher: { name: string } } } }[] } };
      northgate: { citedBy: { edges: { node: { kind: string; from: { url: string } } }[] } };
    }>(
      `query ($wire: String!, $northgate: String!) {
        wire: article(url: $wire) { citedBy(kind: RE_REPORTS) { edges { node { kind from { publisher { name } } } } } }
        northgate: article(url: $northgate) { citedBy { edges { node { kind from { url } } } } }
      }`,
      { wire: demoUrls.wire, northgate: demoUrls.northgate },
    );
    expect(result.wire.citedBy.edges.map((e) => e.node.from.publisher.name).sort()).toEqual([
      'Northgate Daily',
      'The Calder Post',
    ]);
    expect(result.northgate.citedBy.edges).toEqual([
      { node: { kind: 'SYNDICATES', from: { url: demoUrls.lakeshore } } },
    ]);
  });

  it('lists articles newest first and filters them by publisher, source, dates, corrections and status', async () => {
    const q = `query ($filter: ArticleFilter, $orderBy: ArticleOrder) {
      articles(first: 50, filter: $filter, orderBy: $orderBy) { totalCount edges { node { url publishedAt } } }
    }`;
    type Page = { articles: { totalCount: number; edges: { node: { url: string; publishedAt: string } }[] } };
    const all = await demo.client.data<Page>(q);
    expect(all.articles.totalCount).toBe(10);
    const dates = all.articles.edges.map((e) => e.node.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());

    const oldestFirst = await demo.client.data<Page>(q, { orderBy: { field: 'PUBLISHED_AT', direction: 'ASC' } });
    expect(oldestFirst.articles.edges[0]?.node.url).toBe(demoUrls.calderBackground);
    const recentlyUpdated = await demo.client.data<{
      articles: { edges: { node: { url: string; updatedAt: string } }[] };
    }>('{ articles(first: 50, orderBy: { field: UPDATED_AT, direction: DESC }) { edges { node { url updatedAt } } } }');
    const updated = recentlyUpdated.articles.edges.map((e) => e.node.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    // the corrected wire report was the last to change
    expect(recentlyUpdated.articles.edges[0]?.node.updatedAt).toBe(
      recentlyUpdated.articles.edges.find((e) => e.node.url === demoUrls.wire)?.node.updatedAt,
    );

    const calder = await demo.client.data<{ source: { id: string } }>('{ source(name: "calder post") { id } }');
    const byPublisher = await demo.client.data<Page>(q, { filter: { publisherId: calder.source.id } });
    expect(byPublisher.articles.totalCount).toBe(3);
    expect(byPublisher.articles.edges.map((e) => e.node.url).sort()).toEqual(
      [demoUrls.calder, demoUrls.calderBackground, demoUrls.calderLibrary].sort(),
    );

    const anon = await demo.client.data<{ source: { id: string } }>(
      '{ source(name: "port officials familiar with the plans") { id } }',
    );
    const bySource = await demo.client.data<Page>(q, { filter: { sourceId: anon.source.id } });
    expect(bySource.articles.edges.map((e) => e.node.url).sort()).toEqual(
      [demoUrls.wire, demoUrls.calder, demoUrls.northgate].sort(),
    );

    const inRange = await demo.client.data<Page>(q, {
      filter: { publishedAfter: '2026-03-03T00:00:00Z', publishedBefore: '2026-03-04T00:00:00Z' },
    });
    expect(inRange.articles.edges.map((e) => e.node.url).sort()).toEqual(
      [demoUrls.northgate, demoUrls.lakeshore, demoUrls.harborRadio].sort(),
    );

    const corrected = await demo.client.data<Page>(q, { filter: { hasCorrections: true } });
    expect(corrected.articles.edges.map((e) => e.node.url)).toEqual([demoUrls.wire]);
    const uncorrected = await demo.client.data<Page>(q, { filter: { hasCorrections: false } });
    expect(uncorrected.articles.totalCount).toBe(9);
    const byStatus = await demo.client.data<Page>(q, { filter: { status: ['CORRECTED'] } });
    expect(byStatus.articles.edges.map((e) => e.node.url)).toEqual([demoUrls.wire]);
  });

  it('searches full text, ranked, with highlighted snippets', async () => {
    const result = await demo.client.data<{
      searchArticles: {
        totalCount: number;
        edges: { rank: number; highlight: string; titleHighlight: string; node: { url: string } }[];
      };
    }>(
      '{ searchArticles(query: "night shifts", first: 20) { totalCount edges { rank highlight titleHighlight node { url } } } }',
    );
    const { edges, totalCount } = result.searchArticles;
    expect(totalCount).toBe(edges.length);
    expect(edges.length).toBeGreaterThanOrEqual(4);
    const urls = edges.map((e) => e.node.url);
    expect(urls).toContain(demoUrls.wire);
    expect(urls).not.toContain(demoUrls.calderLibrary);
    const ranks = edges.map((e) => e.rank);
    expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
    expect(edges[0]?.highlight).toMatch(/<mark>night<\/mark>/i);
    const wire = edges.find((e) => e.node.url === demoUrls.wire);
    expect(wire?.titleHighlight).toContain('<mark>Night</mark> <mark>Shifts</mark>');

    const library = await demo.client.data<{ searchArticles: { edges: { node: { url: string } }[] } }>(
      '{ searchArticles(query: "library") { edges { node { url } } } }',
    );
    expect(library.searchArticles.edges.map((e) => e.node.url)).toEqual([demoUrls.calderLibrary]);
    const nothing = await demo.client.data<{ searchArticles: { totalCount: number; edges: unknown[] } }>(
      '{ searchArticles(query: "zeppelin") { totalCount edges { cursor } } }',
    );
    expect(nothing.searchArticles).toEqual({ totalCount: 0, edges: [] });
  });

  it('pages search results by cursor, forwards and backwards, in rank order with nothing skipped', async () => {
    type SearchPage = {
      searchArticles: {
        edges: { cursor: string; rank: number; node: { url: string; publisher: { name: string } | null } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
      };
    };
    const q = `query ($first: Int, $after: String, $last: Int, $before: String) {
      searchArticles(query: "night OR port OR council", first: $first, after: $after, last: $last, before: $before) {
        edges { cursor rank node { url publisher { name } } } pageInfo { hasNextPage hasPreviousPage } } }`;
    const all = (await demo.client.data<SearchPage>(q, { first: 100 })).searchArticles.edges;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const walked: typeof all = [];
    let after: string | undefined;
    for (;;) {
      const page = (await demo.client.data<SearchPage>(q, { first: 2, after })).searchArticles;
      walked.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.edges.at(-1)?.cursor;
    }
    expect(walked.map((e) => e.node.url)).toEqual(all.map((e) => e.node.url));
    expect(walked.every((e) => e.node.publisher?.name)).toBe(true);
    const before = (await demo.client.data<SearchPage>(q, { last: 2, before: all.at(-1)?.cursor })).searchArticles;
    expect(before.edges.map((e) => e.node.url)).toEqual(all.slice(-3, -1).map((e) => e.node.url));
    expect(before.edges.map((e) => e.rank)).toEqual(all.slice(-3, -1).map((e) => e.rank));
  });

  it('finds a source by id, by name or alias case-insensitively, with what it published and where it is cited', async () => {
    const byAlias = await demo.client.data<{
      source: {
        id: string;
        name: string;
        kind: string;
        aliases: string[];
        domain: string;
        published: { totalCount: number; edges: { node: { url: string } }[] };
        attributions: { totalCount: number; edges: { node: { role: string; article: { url: string } } }[] };
      };
    }>(
      `{ source(name: "MERIDIAN") { id name kind aliases domain
          published { totalCount edges { node { url } } }
          attributions(role: WIRE_ORIGIN) { totalCount edges { node { role article { url } } } } } }`,
    );
    const s = byAlias.source;
    expect(s).toMatchObject({
      name: 'Meridian Wire',
      kind: 'WIRE_AGENCY',
      aliases: ['Meridian'],
      domain: 'meridianwire.example',
    });
    expect(s.published.totalCount).toBe(2);
    expect(s.published.edges.map((e) => e.node.url)).toEqual([demoUrls.wireFollowUp, demoUrls.wire]);
    expect(s.attributions.totalCount).toBe(2);
    expect(s.attributions.edges.map((e) => e.node.article.url).sort()).toEqual(
      [demoUrls.calder, demoUrls.northgate].sort(),
    );

    const byId = await demo.client.data<{ source: { name: string } }>('query ($id: ID!) { source(id: $id) { name } }', {
      id: s.id,
    });
    expect(byId.source.name).toBe('Meridian Wire');
    const node = await demo.client.data<{ node: { __typename: string; name: string } }>(
      'query ($id: ID!) { node(id: $id) { __typename ... on Source { name } } }',
      { id: s.id },
    );
    expect(node.node).toEqual({ __typename: 'Source', name: 'Meridian Wire' });
    const none = await demo.client.data<{ source: null }>('{ source(name: "Nobody Gazette") { id } }');
    expect(none.source).toBeNull();
  });

  it('lists sources by kind and name prefix', async () => {
    const photo = await demo.client.data<{ sources: { totalCount: number; edges: { node: { name: string } }[] } }>(
      '{ sources(filter: { kind: [PHOTO_AGENCY, PERSON] }) { totalCount edges { node { name } } } }',
    );
    expect(photo.sources.edges.map((e) => e.node.name)).toEqual([
      'Aline Okafor',
      'Beacon Images',
      'Ines Varga',
      'Jonas Brekke',
      'Petra Lund',
      'Tomas Reyl',
    ]);
    expect(photo.sources.totalCount).toBe(6);
    const prefix = await demo.client.data<{ sources: { edges: { node: { name: string } }[] } }>(
      '{ sources(filter: { namePrefix: "north" }) { edges { node { name } } } }',
    );
    expect(prefix.sources.edges.map((e) => e.node.name)).toEqual(['Northgate Daily']);
    const wildcard = await demo.client.data<{ sources: { edges: unknown[] } }>(
      '{ sources(filter: { namePrefix: "%" }) { edges { cursor } } }',
    );
    expect(wildcard.sources.edges).toEqual([]);
  });

  it('gives the corrections feed, newest first, filtered by publisher', async () => {
    const feed = await demo.client.data<{
      corrections: { totalCount: number; edges: { node: { kind: string; article: { url: string } } }[] };
    }>('{ corrections { totalCount edges { node { kind article { url } } } } }');
    expect(feed.corrections.totalCount).toBe(1);
    expect(feed.corrections.edges[0]?.node).toEqual({ kind: 'CORRECTION', article: { url: demoUrls.wire } });
    const calder = await demo.client.data<{ source: { id: string } }>('{ source(name: "The Calder Post") { id } }');
    const none = await demo.client.data<{ corrections: { totalCount: number } }>(
      'query ($p: ID!) { corrections(filter: { publisherId: $p }) { totalCount } }',
      { p: calder.source.id },
    );
    expect(none.corrections.totalCount).toBe(0);
  });

  it('counts without fetching a page when only totalCount is asked for', async () => {
    demo.store.statements.length = 0;
    const counts = await demo.client.data<{
      all: { totalCount: number };
      corrected: { totalCount: number };
      hits: { totalCount: number };
      people: { totalCount: number };
      feed: { totalCount: number };
    }>(`{
      all: articles { totalCount }
      corrected: articles(filter: { hasCorrections: true }) { totalCount }
      hits: searchArticles(query: "night shifts") { totalCount }
      people: sources(filter: { kind: [PERSON] }) { totalCount }
      feed: corrections { totalCount }
    }`);
    expect(counts).toEqual({
      all: { totalCount: 10 },
      corrected: { totalCount: 1 },
      hits: { totalCount: expect.any(Number) },
      people: { totalCount: 5 },
      feed: { totalCount: 1 },
    });
    expect(counts.hits.totalCount).toBeGreaterThanOrEqual(4);
    // one count statement per root field, no page queries
    expect(demo.store.statements).toHaveLength(5);
  });

  it('answers null for unknown ids and urls', async () => {
    const unknownId = Buffer.from('Article:00000000-0000-4000-8000-000000000000').toString('base64');
    const result = await demo.client.request<{ article: null; byUrl: null; node: null }>(
      'query ($id: ID!) { article(id: $id) { id } byUrl: article(url: "https://nowhere.example/x") { id } node(id: $id) { id } }',
      { id: unknownId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ article: null, byUrl: null, node: null });
  });

  it.each([
    ['a malformed global id', '{ article(id: "not-an-id") { id } }', /Invalid ID/],
    [
      'a global id of another type',
      `{ article(id: "${Buffer.from('Source:00000000-0000-4000-8000-000000000000').toString('base64')}") { id } }`,
      /expected a Article id/,
    ],
    [
      'a global id that is not a uuid inside',
      `{ node(id: "${Buffer.from("Article:1' or 1=1").toString('base64')}") { id } }`,
      /Invalid ID/,
    ],
    ['first over 100', '{ articles(first: 101) { edges { cursor } } }', /at most 100/],
    ['a negative first', '{ articles(first: -1) { edges { cursor } } }', /non-negative|between 0 and 100/],
    [
      'first with last',
      '{ articles(first: 2, last: 2) { edges { cursor } } }',
      /not both|not supported at the same time/,
    ],
    ['both id and url', '{ article(id: "x", url: "y") { id } }', /exactly one/],
    ['an empty search', '{ searchArticles(query: "  ") { edges { cursor } } }', /must not be empty/],
    ['a bad DateTime', '{ articles(filter: { publishedAfter: "yesterday" }) { edges { cursor } } }', /DateTime/],
    ['a bad cursor', '{ articles(after: "garbage") { edges { cursor } } }', /cursor/i],
  ])('rejects %s with a clear GraphQL error, never a 500', async (_name, query, message) => {
    const result = await demo.client.request(query);
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.message).not.toMatch(/Unexpected error/);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await demo.client.app.fetch('http://localhost/healthz')).status).toBe(200);
    expect((await demo.client.app.fetch('http://localhost/readyz')).status).toBe(200);
  });

  it('serves GraphiQL with the example query at /graphql', async () => {
    const page = await demo.client.app.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    expect(html).toContain('attributions');
  });
});
