import { createApp, createEventBus, demoUrls, seedDemo } from '@newsgraph/server';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { useDemoStore } from './support/demo.js';
import { engines, openStore } from './support/engines.js';
import { inProcessClient } from './support/graphql.js';
import { keysFor } from './support/keys.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(): Promise<boolean> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Opens an SSE subscription on an app and collects the events' data until closed. */
async function subscribe(app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown> = {}) {
  const controller = new AbortController();
  const response = await app.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: Record<string, unknown>[] = [];
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('');
          if (data) events.push(JSON.parse(data));
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    events,
    close: async () => {
      controller.abort();
      await reader?.cancel().catch(() => {});
      await Promise.race([done, new Promise((r) => setTimeout(r, 1000))]);
    },
  };
}

const waitFor = async (check: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};

const SUBSCRIPTION = 'subscription ($id: ID) { correctionAdded(articleId: $id) { kind note article { url } } }';
const ADD = `mutation ($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename } }`;

describe.each(engines)('correctionAdded over SSE (%s)', (engine) => {
  const demo = useDemoStore(engine);
  const idOf = async (url: string) =>
    (
      await demo.client.data<{ article: { id: string; version: number } }>(
        'query ($url: String!) { article(url: $url) { id version } }',
        { url },
      )
    ).article;

  it('a subscriber to an article hears corrections to it and upstream of it, once each; others stay quiet', async () => {
    const lakeshore = await idOf(demoUrls.lakeshore);
    const library = await idOf(demoUrls.calderLibrary);
    const downstream = await subscribe(demo.client.app, SUBSCRIPTION, { id: lakeshore.id });
    const unrelated = await subscribe(demo.client.app, SUBSCRIPTION, { id: library.id });
    const everything = await subscribe(demo.client.app, SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 100));

    // the wire report is two hops upstream of the Lakeshore Ledger's syndicated copy
    const wire = await idOf(demoUrls.wire);
    const result = await demo.client.request<{ addCorrection: { __typename: string } }>(
      ADD,
      {
        input: {
          articleId: wire.id,
          expectedVersion: wire.version,
          kind: 'CLARIFICATION',
          note: 'The plan covers one terminal only.',
        },
      },
      demo.keys.bearer(demo.keys.editor),
    );
    expect(result.data?.addCorrection.__typename).toBe('AddCorrectionSuccess');
    await waitFor(() => downstream.events.length > 0 && everything.events.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([downstream.close(), unrelated.close(), everything.close()]);

    expect(downstream.events).toEqual([
      {
        data: {
          correctionAdded: {
            kind: 'CLARIFICATION',
            note: 'The plan covers one terminal only.',
            article: { url: demoUrls.wire },
          },
        },
      },
    ]);
    expect(everything.events).toHaveLength(1);
    expect(unrelated.events).toEqual([]);
  });
});

const available = await redisAnswers();
if (!available) console.warn(`[tests] Redis at ${redisUrl} does not answer: cross-instance test skipped`);

describe('correctionAdded across two server instances through Redis', () => {
  it.runIf(available)('an event published on one instance reaches a subscriber on the other', async () => {
    const store = await openStore('pglite');
    try {
      await seedDemo(store.handle.db);
      const channelPrefix = `test-${Date.now()}`;
      const busA = createEventBus(redisUrl, channelPrefix);
      const busB = createEventBus(redisUrl, channelPrefix);
      const a = createApp({ handle: store.handle, pubsub: busA.pubsub });
      const b = createApp({ handle: store.handle, pubsub: busB.pubsub });
      const keys = await keysFor(store.handle);
      const viaA = await subscribe(a, SUBSCRIPTION);
      await new Promise((r) => setTimeout(r, 300));
      const clientB = inProcessClient(store.handle, b);
      const wire = await clientB.data<{ article: { id: string; version: number } }>(
        `{ article(url: "${demoUrls.wire}") { id version } }`,
      );
      const result = await clientB.request<{ addCorrection: { __typename: string } }>(
        ADD,
        {
          input: {
            articleId: wire.article.id,
            expectedVersion: wire.article.version,
            kind: 'UPDATE',
            note: 'Cross-instance.',
          },
        },
        keys.bearer(keys.editor),
      );
      expect(result.data?.addCorrection.__typename).toBe('AddCorrectionSuccess');
      await waitFor(() => viaA.events.length > 0);
      await new Promise((r) => setTimeout(r, 200));
      await viaA.close();
      expect(viaA.events).toEqual([
        { data: { correctionAdded: { kind: 'UPDATE', note: 'Cross-instance.', article: { url: demoUrls.wire } } } },
      ]);
      await Promise.all([busA.close(), busB.close()]);
    } finally {
      await store.close();
    }
  });
});
