import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines } from './support/engines.js';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}.sql`, import.meta.url));

// The page a reader's front page asks for: every nested list comes from the same statement.
const ARTICLE_PAGE = `{
  articles(first: 20) {
    totalCount
    edges { node {
      title
      publisher { name }
      attributions { role source { name kind } via { name } }
      references(first: 5) { totalCount edges { node { kind anchorText target { title publisher { name } } } } }
      citedBy(first: 5) { totalCount edges { node { kind from { title } } } }
    } }
  }
}`;

const SOURCE_PAGE = `{
  source(name: "Meridian Wire") {
    name
    published(first: 10) { totalCount edges { node { title corrections { kind } } } }
    attributions(first: 10) { totalCount edges { node { role article { title publisher { name } } } } }
  }
}`;

const SEARCH_PAGE = `{
  searchArticles(query: "night shift", first: 10) {
    totalCount
    edges { rank highlight node { title publisher { name } sources { name } } }
  }
}`;

describe.each(engines)('one SQL statement per root field (%s)', (engine) => {
  const demo = useDemoStore(engine);

  it.each([
    ['articles-page', ARTICLE_PAGE],
    ['source-page', SOURCE_PAGE],
    ['search-page', SEARCH_PAGE],
  ])('%s runs as one statement, as committed in golden/', async (name, query) => {
    demo.store.statements.length = 0;
    const data = await demo.client.data<Record<string, unknown>>(query);
    expect(JSON.stringify(data).length).toBeGreaterThan(200);
    expect(demo.store.statements).toHaveLength(1);
    await expect(`${demo.store.statements[0]}\n`).toMatchFileSnapshot(golden(name));
  });

  it('answers nested lists with real values from that one statement', async () => {
    demo.store.statements.length = 0;
    const data = await demo.client.data<{
      articles: {
        totalCount: number;
        edges: { node: { citedBy: { totalCount: number }; references: { totalCount: number } } }[];
      };
    }>(ARTICLE_PAGE);
    expect(demo.store.statements).toHaveLength(1);
    expect(data.articles.totalCount).toBe(10);
    const referenceTotal = data.articles.edges.reduce((n, e) => n + e.node.references.totalCount, 0);
    const citedTotal = data.articles.edges.reduce((n, e) => n + e.node.citedBy.totalCount, 0);
    expect(referenceTotal).toBe(9);
    // every resolved reference is someone's citedBy; the one unresolved reference is no one's
    expect(citedTotal).toBe(referenceTotal - 1);
  });
});
