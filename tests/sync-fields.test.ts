import { schema } from '@newsgraph/server';
import { type GraphQLFieldResolver, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines } from './support/engines.js';

// Only a root field waits for the database. A field below it that answers with a promise makes
// graphql-js complete its object, and every list holding that object, through promises: on a page of
// nested connections that was thousands of promises a request (a node's `id` and a connection's
// `totalCount` once did it for every row).
const PAGE = `{
  articles(first: 20) {
    totalCount
    edges { cursor node {
      id title publishedAt
      publisher { id name kind }
      attributions { role evidence source { id name } via { name } }
      references(first: 5) { totalCount pageInfo { endCursor } edges { cursor node { kind target { id title } } } }
      citedBy(first: 5) { totalCount edges { node { kind from { id title } } } }
      corrections { kind note createdAt }
    } }
  }
}`;
const SEARCH = `{ searchArticles(query: "night shift", first: 10) { edges { rank highlight node { id title publisher { name } } } } }`;
const ARTICLE = `query ($id: ID!) {
  node(id: $id) { id ... on Article { title version publisher { id name } } }
  article(id: $id) { id provenance(maxDepth: 6) { depth kind role article { id title } source { id name } } }
}`;
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

describe.each(engines)('fields below the root answer without a promise (%s)', (engine) => {
  const demo = useDemoStore(engine);

  it('on a page of nested connections, a search, a node and a provenance walk', async () => {
    const promised = new Map<string, number>();
    let resolved = 0;
    const restore: (() => void)[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || ROOTS.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const original = field.resolve;
        if (!original) continue;
        const wrapped: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
          const result = original(source, args, context, info);
          resolved++;
          if (result instanceof Promise) {
            const name = `${type.name}.${field.name}`;
            promised.set(name, (promised.get(name) ?? 0) + 1);
          }
          return result;
        };
        field.resolve = wrapped;
        restore.push(() => {
          field.resolve = original;
        });
      }
    }
    try {
      const page = await demo.client.data<{ articles: { edges: { node: { id: string } }[] } }>(PAGE);
      await demo.client.data(SEARCH);
      const first = page.articles.edges[0]?.node.id;
      expect(first).toBeTruthy();
      await demo.client.data(ARTICLE, { id: first });
    } finally {
      for (const undo of restore) undo();
    }
    expect(resolved).toBeGreaterThan(200);
    expect(Object.fromEntries(promised)).toEqual({});
  });
});
