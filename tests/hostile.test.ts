import { createApp } from '@newsgraph/server';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines, type Store } from './support/engines.js';

/** A fingerprint of everything stored: any write shows up as a change. */
async function fingerprint(store: Store): Promise<string> {
  const result = await store.handle.db.execute(sql`select
    (select count(*) from articles) a, (select coalesce(sum(version), 0) from articles) v,
    (select count(*) from sources) s, (select count(*) from attributions) t,
    (select count(*) from cross_references) r, (select count(*) from corrections) c,
    (select count(*) from article_revisions) h`);
  return JSON.stringify(Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
}

// strings that have broken search and LIKE layers before, plus whatever fast-check invents
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    "'; drop table articles; --",
    '" OR 1=1 --',
    '%',
    '_',
    '\\',
    '%_\\%',
    '!!!',
    '& | ! ( ) : * <->',
    'a <-> b <2> c',
    'foo:*',
    '(((',
    '"unterminated',
    '\u0000',
    'null\u0000byte',
    '\ud800',
    '\udfff lone surrogate',
    'x'.repeat(499),
    '💥'.repeat(120),
    '-',
    'or',
    'Article:00000000-0000-4000-8000-000000000000',
  ),
);

describe.each(engines)('hostile input (%s)', (engine) => {
  // these tests measure answers, not the rate limiter
  const demo = useDemoStore(engine, {
    app: (store) => createApp({ handle: store.handle, limits: { ratePerIp: 1_000_000 } }),
  });

  it('every string argument: no 5xx, a clear answer, no change to the data', async () => {
    const before = await fingerprint(demo.store);
    const queries = [
      'query ($s: String!) { searchArticles(query: $s, first: 5) { totalCount edges { highlight node { title } } } }',
      'query ($s: String!) { sources(filter: { namePrefix: $s }) { totalCount edges { node { name } } } }',
      'query ($s: String!) { source(name: $s) { name } }',
      'query ($s: String!) { article(url: $s) { title } }',
      'query ($s: ID!) { article(id: $s) { title } }',
      'query ($s: ID!) { node(id: $s) { id } }',
      'query ($s: String!) { articles(after: $s, first: 2) { edges { cursor } } }',
      'query ($s: ID!) { articles(filter: { publisherId: $s }) { totalCount } }',
      'query ($s: ID!) { corrections(filter: { articleId: $s }) { totalCount } }',
    ];
    let runs = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...queries), nasty, async (query, s) => {
        runs++;
        const result = await demo.client.request(query, { s });
        expect(result.status).toBeLessThan(500);
        if (result.errors) {
          errors++;
          for (const e of result.errors) expect(e.message).not.toBe('Unexpected error.');
        } else {
          expect(result.data).toBeTruthy();
        }
      }),
      { numRuns: 250, seed: 20261126 },
    );
    console.log(
      `[hostile] ${engine}: ${runs} requests with hostile strings, ${errors} answered with a clear error, 0 with 5xx`,
    );
    expect(await fingerprint(demo.store)).toBe(before);
  });

  it('1,000 malformed or abusive requests: no 5xx, each with an error', async () => {
    const before = await fingerprint(demo.store);
    const rssBefore = process.memoryUsage().rss;
    const deep = `{ articles { edges { node { ${'publisher { published { edges { node { '.repeat(30)}title${' } } } }'.repeat(30)} } } } }`;
    const aliases = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: articles { totalCount }`).join(' ')} }`;
    const bodies: { body: string; headers?: Record<string, string>; method?: string }[] = [
      { body: '{"query": ' },
      { body: 'not json at all' },
      { body: JSON.stringify({ query: deep }) },
      { body: JSON.stringify({ query: aliases }) },
      { body: JSON.stringify({ query: `{ articles { totalCount } } ${'#'.repeat(2_000_000)}` }) },
      { body: JSON.stringify({ query: `{ searchArticles(query: "${'a'.repeat(100_000)}") { totalCount } }` }) },
      { body: JSON.stringify([{ query: '{ articles { totalCount } }' }, { query: '{ articles { totalCount } }' }]) },
      { body: JSON.stringify({ query: '{ articles { totalCount } }' }), headers: { 'content-type': 'text/plain' } },
      { body: '{ articles { totalCount ', headers: { 'content-type': 'application/graphql' } },
      { body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }) },
      { body: JSON.stringify({ query: 'mutation { addCorrection(input: {}) { __typename } }' }) },
      { body: JSON.stringify({ query: '{ __typename }', variables: 'nope' }) },
      { body: JSON.stringify({ query: 'subscription { correctionAdded { id } }' }) },
      { body: JSON.stringify({ query: null }) },
      { body: '', method: 'PUT' },
      { body: JSON.stringify({ query: `{ articles(first: ${'9'.repeat(40)}) { totalCount } }` }) },
      { body: JSON.stringify({ query: '{ articles { totalCount } }' }), headers: { authorization: 'Bearer \u0000' } },
      {
        body: JSON.stringify({ query: '{ articles { totalCount } }' }),
        headers: { authorization: 'Basic dXNlcjpwYXNz' },
      },
      { body: JSON.stringify({ query: `query { ${'__typename @skip(if: false) '.repeat(200)} }` }) },
      {
        body: JSON.stringify({
          query: `{ articles { ${'...F '.repeat(50)} } } fragment F on ArticleConnection { ...F }`,
        }),
      },
    ];
    const statuses = new Map<number, number>();
    let withError = 0;
    for (let i = 0; i < 1000; i++) {
      const spec = bodies[i % bodies.length] as (typeof bodies)[number];
      const response = await demo.client.app.fetch('http://localhost/graphql', {
        method: spec.method ?? 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...spec.headers },
        body: spec.method === 'PUT' ? undefined : spec.body,
      });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const text = await response.text();
      if (/"errors"\s*:/.test(text) || response.status >= 400) withError++;
      expect(
        response.status,
        `request ${i % bodies.length} answered ${response.status}: ${text.slice(0, 200)}`,
      ).toBeLessThan(500);
    }
    const grewMb = (process.memoryUsage().rss - rssBefore) / 1e6;
    console.log(
      `[hostile] ${engine}: 1000 abusive requests → statuses ${JSON.stringify(Object.fromEntries(statuses))}, RSS +${grewMb.toFixed(1)} MB`,
    );
    expect(withError).toBe(1000);
    expect(await fingerprint(demo.store)).toBe(before);
  });

  it('aliases named like Object.prototype members are plain keys of the answer', async () => {
    // the executor fills each answer object as a plain `{}` (faster than Object.create(null)): an alias
    // `__proto__` must become an own key, not the object's prototype
    const response = await demo.client.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ __proto__: articles(first: 1) { totalCount edges { constructor: node { toString: title hasOwnProperty: id } } }
          valueOf: __typename }`,
      }),
    });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text) as { data: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data)).toEqual(['__proto__', 'valueOf']);
    expect(text).toMatch(
      /^\{"data":\{"__proto__":\{"totalCount":\d+,"edges":\[\{"constructor":\{"toString":"[^"]+","hasOwnProperty":"[^"]+"\}\}\]\},"valueOf":"Query"\}\}$/,
    );
    expect(Object.getPrototypeOf(Object.getPrototypeOf({}))).toBeNull();
  });
});
