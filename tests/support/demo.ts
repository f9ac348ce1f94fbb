import { type App, seedDemo } from '@newsgraph/server';
import { afterAll, beforeAll } from 'vitest';
import { type Engine, openStore, type Store } from './engines.js';
import { inProcessClient } from './graphql.js';
import { keysFor } from './keys.js';

export interface DemoStore {
  store: Store;
  client: ReturnType<typeof inProcessClient>;
  keys: Awaited<ReturnType<typeof keysFor>>;
}

/**
 * A fresh store with the demo corpus, an in-process client and a key of each role, opened before the
 * describe block's tests and closed after them. Read its fields inside tests (they are set in beforeAll).
 */
export function useDemoStore(engine: Engine, options: { app?: (store: Store) => App } = {}): DemoStore {
  const demo = {} as DemoStore;
  beforeAll(async () => {
    demo.store = await openStore(engine);
    await seedDemo(demo.store.handle.db);
    demo.client = inProcessClient(demo.store.handle, options.app?.(demo.store));
    demo.keys = await keysFor(demo.store.handle);
  });
  afterAll(() => demo.store?.close());
  return demo;
}
