import { describe, expect, it } from 'vitest';
import { graphiqlAssets, renderLocalGraphiQL } from './graphiql.js';

describe('GraphiQL served from this server', () => {
  it('points the page at local assets, none at a CDN', () => {
    const html = renderLocalGraphiQL({ title: 'newsgraph', defaultQuery: '{ articles { totalCount } }' });
    expect(html).not.toMatch(/unpkg\.com/);
    expect(html).toContain('/graphiql-assets/yoga-graphiql.umd.js');
    expect(html).toContain('/graphiql-assets/monacoeditorwork/graphql.worker..bundle.js');
  });

  it('serves exactly the package files and nothing else', async () => {
    const plugin = graphiqlAssets();
    const fetchPath = async (path: string) => {
      let response: Response | undefined;
      await plugin.onRequest?.({
        url: new URL(`http://localhost${path}`),
        endResponse: (r: Response) => {
          response = r;
        },
      } as never);
      return response;
    };
    const script = await fetchPath('/graphiql-assets/yoga-graphiql.umd.js');
    expect(script?.status).toBe(200);
    expect(script?.headers.get('content-type')).toMatch(/javascript/);
    expect((await script?.text())?.length).toBeGreaterThan(100_000);
    expect((await fetchPath('/graphiql-assets/monacoeditorwork/json.worker.bundle.js'))?.status).toBe(200);
    // "../" (plain or %2e-encoded) is resolved away by URL parsing, so the request leaves ASSETS;
    // an encoded slash or an unknown name is refused
    for (const away of ['/graphiql-assets/../package.json', '/graphiql-assets/%2e%2e/package.json']) {
      expect(await fetchPath(away)).toBeUndefined();
    }
    for (const bad of ['/graphiql-assets/..%2Fpackage.json', '/graphiql-assets/nope.js']) {
      expect((await fetchPath(bad))?.status).toBe(404);
    }
    expect(await fetchPath('/graphql')).toBeUndefined();
  });
});
