import { insertArticle } from '@newsgraph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openStore, type Store } from './support/engines.js';
import { inProcessClient } from './support/graphql.js';

const TOTAL = 35;

interface Page {
  articles: {
    totalCount: number;
    edges: { cursor: string; node: { title: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const QUERY = `query ($first: Int, $after: String, $last: Int, $before: String) {
  articles(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe.each(engines)('cursor pagination over %i articles (%s)', (engine) => {
  let store: Store;
  let client: ReturnType<typeof inProcessClient>;
  let expected: string[];

  beforeAll(async () => {
    store = await openStore(engine);
    await store.handle.db.transaction(async (tx) => {
      for (let i = 0; i < TOTAL; i++) {
        await insertArticle(tx, {
          url: `https://paging.example/story-${i}`,
          title: `Story ${String(i).padStart(2, '0')}`,
          // every third article shares a timestamp with its neighbour, and two have no date at all
          publishedAt: i < 2 ? null : new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 3) * 3)),
          paragraphs: [`Paragraph of story ${i}.`],
          publisher: { name: 'Paging Gazette', kind: 'OUTLET', domain: 'paging.example' },
          attributions: [],
          references: [],
          createdBy: 'test',
        });
      }
    });
    client = inProcessClient(store.handle);
    const all = await client.data<Page>(QUERY, { first: 100 });
    expected = all.articles.edges.map((e) => e.node.title);
  });
  afterAll(() => store?.close());

  it('lists every article once in one page', () => {
    expect(expected).toHaveLength(TOTAL);
    expect(new Set(expected).size).toBe(TOTAL);
  });

  it('walks forwards with first/after: no gap, no duplicate, correct page info', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await client.data<Page>(QUERY, { first: 8, after });
      pages++;
      const titles = page.articles.edges.map((e) => e.node.title);
      seen.push(...titles);
      expect(page.articles.totalCount).toBe(TOTAL);
      expect(page.articles.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.articles.pageInfo.hasNextPage).toBe(seen.length < TOTAL);
      expect(page.articles.pageInfo.endCursor).toBe(page.articles.edges.at(-1)?.cursor ?? null);
      if (!page.articles.pageInfo.hasNextPage) break;
      after = page.articles.pageInfo.endCursor;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(Math.ceil(TOTAL / 8));
    expect(seen).toEqual(expected);
  });

  it('walks backwards with last/before: no gap, no duplicate, correct page info', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = await client.data<Page>(QUERY, { last: 8, before });
      pages++;
      const titles = page.articles.edges.map((e) => e.node.title);
      seen.unshift(...titles);
      expect(page.articles.pageInfo.hasNextPage).toBe(before !== null);
      expect(page.articles.pageInfo.hasPreviousPage).toBe(seen.length < TOTAL);
      expect(page.articles.pageInfo.startCursor).toBe(page.articles.edges[0]?.cursor ?? null);
      if (!page.articles.pageInfo.hasPreviousPage) break;
      before = page.articles.pageInfo.startCursor;
      expect(pages).toBeLessThan(10);
    }
    expect(seen).toEqual(expected);
  });

  it('turns back from the middle: the page before a page is exactly what precedes it', async () => {
    const middle = await client.data<Page>(QUERY, {
      first: 10,
      after: (await client.data<Page>(QUERY, { first: 10 })).articles.pageInfo.endCursor,
    });
    expect(middle.articles.edges.map((e) => e.node.title)).toEqual(expected.slice(10, 20));
    const back = await client.data<Page>(QUERY, { last: 10, before: middle.articles.pageInfo.startCursor });
    expect(back.articles.edges.map((e) => e.node.title)).toEqual(expected.slice(0, 10));
    expect(back.articles.pageInfo.hasPreviousPage).toBe(false);
  });

  it('counts the whole set even on a page past the end', async () => {
    const last = await client.data<Page>(QUERY, { first: 100 });
    const past = await client.data<Page>(QUERY, { first: 5, after: last.articles.pageInfo.endCursor });
    expect(past.articles.edges).toEqual([]);
    expect(past.articles.totalCount).toBe(TOTAL);
    expect(past.articles.pageInfo.hasNextPage).toBe(false);
  });
});
