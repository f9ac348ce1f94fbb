import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { articles, quotes } from '@newsgraph/db';
import { createApp, createNodeListener, LIST_CAP, seedDemo } from '@newsgraph/server';
import { gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './support/engines.js';
import { inProcessClient } from './support/graphql.js';

// Limits are the same code on both engines; PGlite keeps this file quick.
describe('query limits, body limit, rate limits, masking (pglite)', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore('pglite');
    await seedDemo(store.handle.db);
  });
  afterAll(() => store?.close());

  const nest = (depth: number) => {
    // article → publisher → published → edges → node → publisher … : a chain of object fields `depth` deep
    let inner = 'name';
    for (let d = depth - 1; d > 0; d--) inner = d === 1 ? `publisher { ${inner} }` : `relayedBy { ${inner} }`;
    return `{ articles(first: 1) { edges { node { ${inner} } } } }`;
  };

  // armor counts field levels: articles, edges, node, the chain, and the leaf
  it.each([
    ['maxDepth', (n: number) => nest(n - 3), 8, /depth limit of 8 exceeded, found 9/],
    [
      'maxAliases',
      (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: articles(first: 1) { totalCount }`).join(' ')} }`,
      5,
      /Aliases limit of 5/,
    ],
    [
      'maxDirectives',
      (n: number) => `{ articles(first: 1) { ${'totalCount @include(if: true) '.repeat(n)} } }`,
      4,
      /Directives limit of 4/,
    ],
    ['maxTokens', (n: number) => `{ articles(first: 1) { ${'totalCount '.repeat(n - 10)} } }`, 60, /Token limit of 60/],
  ])('%s: the limit passes, one more is rejected before any SQL runs', async (name, build, n, message) => {
    const client = inProcessClient(store.handle, createApp({ handle: store.handle, limits: { [name]: n } }));
    const atLimit = build(n);
    store.statements.length = 0;
    const ok = await client.request(atLimit);
    expect(ok.errors).toBeUndefined();
    store.statements.length = 0;
    const over = await client.request(build(n + 1));
    expect(over.errors?.[0]?.message).toMatch(message);
    expect(store.statements).toEqual([]);
  });

  it('counts depth through a field aliased __schema (the old graphql-armor bypass)', async () => {
    const client = inProcessClient(store.handle, createApp({ handle: store.handle, limits: { maxDepth: 8 } }));
    const disguised = nest(7).replace('{ articles(first: 1)', '{ __schema: articles(first: 1)');
    store.statements.length = 0;
    const result = await client.request(disguised);
    expect(result.errors?.[0]?.message).toMatch(/depth limit of 8/);
    expect(store.statements).toEqual([]);
  });

  it('rejects an over-costly query and keeps the GraphiQL introspection and example query working', async () => {
    const tight = inProcessClient(store.handle, createApp({ handle: store.handle, limits: { maxCost: 50 } }));
    const costly = await tight.request(
      '{ articles(first: 100) { edges { node { title publisher { name published { edges { node { title } } } } } } } }',
    );
    expect(costly.errors?.[0]?.message).toMatch(/Cost limit of 50/);
    const client = inProcessClient(store.handle);
    const { getIntrospectionQuery } = await import('graphql');
    const introspection = await client.request(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    const { EXAMPLE_QUERY } = await import('@newsgraph/server');
    const example = await client.request(EXAMPLE_QUERY);
    expect(example.errors).toBeUndefined();
  });

  it('answers an operation that runs past the request timeout with a TIMEOUT error', async () => {
    // a plugin that makes execution slow on purpose (as a stuck resolver would be)
    const slow: NonNullable<Parameters<typeof createApp>[0]['plugins']>[number] = {
      onExecute({ executeFn, setExecuteFn }) {
        setExecuteFn(async (args) => {
          await new Promise((r) => setTimeout(r, 500));
          return executeFn(args);
        });
      },
    };
    const client = inProcessClient(
      store.handle,
      createApp({ handle: store.handle, limits: { requestTimeoutMs: 100 }, plugins: [slow] }),
    );
    const result = await client.request('{ articles(first: 1) { totalCount } }');
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]).toMatchObject({
      message: 'The request took longer than 100 ms',
      extensions: { code: 'TIMEOUT' },
    });
    const patient = inProcessClient(
      store.handle,
      createApp({ handle: store.handle, limits: { requestTimeoutMs: 5000 }, plugins: [slow] }),
    );
    expect((await patient.request('{ articles(first: 1) { totalCount } }')).errors).toBeUndefined();
  });

  it('hides field suggestions in production', async () => {
    const dev = await inProcessClient(store.handle, createApp({ handle: store.handle, production: false })).request(
      '{ articlez { totalCount } }',
    );
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean/);
    const prod = await inProcessClient(store.handle, createApp({ handle: store.handle, production: true })).request(
      '{ articlez { totalCount } }',
    );
    expect(prod.errors?.[0]?.message).toMatch(/Cannot query field "articlez"/);
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('answers a body over the limit with 413 and a GraphQL error', async () => {
    const app = createApp({ handle: store.handle, limits: { maxBodyBytes: 1000 } });
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ articles { totalCount } } ${'#'.repeat(2000)}` }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('caps a plain list field at LIST_CAP rows: an article with 520 quotes answers the first 500, in order', async () => {
    const [article] = await store.handle.db.select({ id: articles.id, url: articles.url }).from(articles).limit(1);
    if (!article) throw new Error('no demo article');
    await store.handle.db
      .insert(quotes)
      .values(
        Array.from({ length: 520 }, (_, i) => ({ articleId: article.id, text: `q${i}`, paragraphIndex: 1000 + i })),
      );
    const client = inProcessClient(store.handle, createApp({ handle: store.handle }));
    const { data } = await client.request<{ article: { quotes: { paragraphIndex: number }[] } }>(
      'query ($url: String!) { article(url: $url) { quotes { paragraphIndex } } }',
      { url: article.url },
    );
    const mine = data?.article.quotes.filter((q) => q.paragraphIndex >= 1000) ?? [];
    expect(data?.article.quotes).toHaveLength(LIST_CAP);
    expect(mine.slice(0, 3).map((q) => q.paragraphIndex)).toEqual([1000, 1001, 1002]);
    await store.handle.db.delete(quotes).where(gte(quotes.paragraphIndex, 1000));
  });

  it('counts the bytes of a chunked body with no Content-Length, in the app and in the Node listener', async () => {
    const big = JSON.stringify({ query: `{ articles { totalCount } } ${'#'.repeat(5000)}` });
    const chunks = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < text.length; i += 500)
            controller.enqueue(new TextEncoder().encode(text.slice(i, i + 500)));
          controller.close();
        },
      });
    const app = createApp({ handle: store.handle, limits: { maxBodyBytes: 1000 } });
    const inApp = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks(big),
      duplex: 'half',
    } as RequestInit);
    expect(inApp.status).toBe(413);

    const { listener } = createNodeListener({ handle: store.handle, limits: { maxBodyBytes: 1000 } });
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const send = (body: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            path: '/graphql',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        // several writes and no Content-Length: Node sends it chunked
        for (let i = 0; i < body.length; i += 400) req.write(body.slice(i, i + 400));
        req.end();
      });
    try {
      const over = await send(big);
      expect(over.status).toBe(413);
      expect(JSON.parse(over.text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const small = await send(JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }));
      expect(small.status).toBe(200);
      expect(JSON.parse(small.text).data.articles.totalCount).toBeGreaterThan(0);
      const empty = await send('');
      expect(empty.status).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rate-limits per IP and per key, with RateLimit-* headers, then 429 with Retry-After and a GraphQL error', async () => {
    const app = createApp({ handle: store.handle, limits: { ratePerIp: 3, ratePerKey: 2 } });
    const call = (headers: Record<string, string> = {}) =>
      app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
      });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await call();
      statuses.push(last.status);
      if (i === 0) {
        expect(last.headers.get('ratelimit-limit')).toBe('3');
        expect(last.headers.get('ratelimit-remaining')).toBe('2');
        expect(last.headers.get('ratelimit-policy')).toBe('3;w=60');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last?.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    // the IP has spent its budget: a key from it gets no tries either
    expect((await call({ authorization: 'Bearer a' })).status).toBe(429);

    // a key has its own budget
    const fresh = createApp({ handle: store.handle, limits: { ratePerIp: 3, ratePerKey: 2 } });
    const callFresh = (headers: Record<string, string>) =>
      fresh.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
      });
    const keyed = [];
    for (let i = 0; i < 3; i++) keyed.push((await callFresh({ authorization: 'Bearer a' })).status);
    expect(keyed).toEqual([401, 401, 429]);
  });

  it('charges made-up keys to the IP, so rotating them cannot escape its budget', async () => {
    const app = createApp({ handle: store.handle, limits: { ratePerIp: 3, ratePerKey: 1000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer made-up-${i}` },
        body: JSON.stringify({ query: '{ articles(first: 1) { totalCount } }' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('masks unexpected errors (no stack, no SQL) and gives them the request id sent back in x-request-id', async () => {
    // a database that refuses connections: the driver's error must not reach the client
    const { createDb } = await import('@newsgraph/db');
    const broken = await createDb({ url: 'postgres://newsgraph@127.0.0.1:1/nowhere' });
    const app = createApp({ handle: broken });
    const response = await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-123' },
      body: JSON.stringify({ query: '{ articles(first: 1) { edges { node { title } } } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(response.headers.get('x-request-id')).toBe('req-test-123');
    expect(body.errors[0]?.message).toBe('Unexpected error.');
    expect(body.errors[0]?.extensions.requestId).toBe('req-test-123');
    expect(JSON.stringify(body)).not.toMatch(/select|stack|ECONNREFUSED|127\.0\.0\.1/i);
    await broken.close();
  });

  it('answers CORS preflights and exposes metrics', async () => {
    const app = createApp({ handle: store.handle });
    const preflight = await app.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://newsroom.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    await app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Front { articles(first: 1) { totalCount } }', operationName: 'Front' }),
    });
    const metrics = await (await app.fetch('http://localhost/metrics')).text();
    expect(metrics).toMatch(/newsgraph_graphql_requests_total\{operation="Front",type="query",status="200"\} 1/);
    expect(metrics).toMatch(/newsgraph_graphql_request_duration_seconds_bucket/);
  });

  it('keeps metric labels bounded and can put /metrics behind a token', async () => {
    process.env.NEWSGRAPH_METRICS_TOKEN = 'scrape-secret';
    try {
      const app = createApp({ handle: store.handle });
      const send = (operationName: string) =>
        app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `query ${operationName} { __typename }`, operationName }),
        });
      await send(`Bad${'x'.repeat(80)}`);
      expect((await app.fetch('http://localhost/metrics')).status).toBe(401);
      const metrics = await (
        await app.fetch('http://localhost/metrics', { headers: { authorization: 'Bearer scrape-secret' } })
      ).text();
      expect(metrics).toMatch(/newsgraph_graphql_requests_total\{operation="invalid",type="query",status="200"\} 1/);
      expect(metrics).not.toMatch(/xxxxxxxx/);
    } finally {
      delete process.env.NEWSGRAPH_METRICS_TOKEN;
    }
  });
});

describe('tracing through the OpenTelemetry API', () => {
  it('records one span per request, named by operation, when a tracer provider is registered', async () => {
    const { trace } = await import('@opentelemetry/api');
    const ended: { name: string; attributes: Record<string, unknown> }[] = [];
    // a minimal provider: what an OTel SDK would receive
    const provider = {
      getTracer: () => ({
        startSpan: (name: string, options?: { attributes?: Record<string, unknown> }) => {
          const span = {
            name,
            attributes: { ...options?.attributes } as Record<string, unknown>,
            updateName(n: string) {
              span.name = n;
              return span;
            },
            setAttributes(a: Record<string, unknown>) {
              Object.assign(span.attributes, a);
              return span;
            },
            setStatus: () => span,
            end: () => ended.push({ name: span.name, attributes: span.attributes }),
          };
          return span;
        },
      }),
    };
    trace.setGlobalTracerProvider(provider as never);
    try {
      const store = await openStore('pglite');
      try {
        const app = createApp({ handle: store.handle });
        await app.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me' },
          body: JSON.stringify({ query: 'query Front { articles(first: 1) { totalCount } }', operationName: 'Front' }),
        });
      } finally {
        await store.close();
      }
      expect(ended).toContainEqual({
        name: 'graphql query Front',
        attributes: expect.objectContaining({
          'graphql.operation.name': 'Front',
          'http.response.status_code': 200,
          'newsgraph.request_id': 'trace-me',
        }),
      });
    } finally {
      trace.disable();
    }
  });
});
