import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrCreateSource } from './sources.js';
import { openTestStore, query, type TestStore, testEngines } from './test-stores.js';

// Fictional outlets only.
describe.each(await testEngines())('findOrCreateSource (%s)', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(() => store?.close());

  const stored = async (id: string) =>
    (
      await query<{ aliases: string[]; domain: string | null }>(
        store.handle,
        `select aliases, domain from sources where id = '${id}'`,
      )
    )[0];

  it('adds new aliases and a missing domain to the stored source, never replacing what it has', async () => {
    const outlet = (name: string, aliases?: string[], domain?: string) =>
      findOrCreateSource(store.handle.db, { name, kind: 'OUTLET', aliases, domain });
    const id = await outlet('Kelp Bay Ledger');
    expect(await outlet('Kelp Bay Ledger', ['KBL', 'kelp bay ledger'], 'kelpbay.example')).toBe(id);
    expect(await outlet('KBL', ['The Ledger', 'kbl'], 'other.example')).toBe(id);
    expect(await stored(id)).toEqual({ aliases: ['KBL', 'The Ledger'], domain: 'kelpbay.example' });
  });

  it('keeps every alias that concurrent writes add to one source', async () => {
    const id = await findOrCreateSource(store.handle.db, { name: 'Saltmarsh Tribune', kind: 'OUTLET' });
    const names = Array.from({ length: 8 }, (_, n) => `Saltmarsh T${n}`);
    const ids = await Promise.all(
      names.map((alias) =>
        store.handle.db.transaction((tx) =>
          findOrCreateSource(tx, { name: 'Saltmarsh Tribune', kind: 'OUTLET', aliases: [alias] }),
        ),
      ),
    );
    expect(new Set(ids)).toEqual(new Set([id]));
    expect([...((await stored(id))?.aliases ?? [])].sort()).toEqual(names);
  });
});
