import { createDb, type DbHandle } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openStore, type Store } from './support/engines.js';

// Drizzle sends every statement unnamed, so Postgres would plan each query shape again on every
// request; the Postgres handle keeps the texts it runs again and again as prepared statements.
describe.skipIf(!engines.includes('postgres'))('prepared statements (postgres)', () => {
  let store: Store;
  const handles: DbHandle[] = [];
  beforeAll(async () => {
    store = await openStore('postgres');
  });
  afterAll(async () => {
    await Promise.all(handles.map((h) => h.close()));
    await store.close();
  });

  /** One connection, so pg_prepared_statements shows what that connection keeps. */
  async function open(preparedStatements: number) {
    const handle = await createDb({ url: store.url, poolSize: 1, preparedStatements });
    handles.push(handle);
    const kept = async () => {
      const rows = await handle.sql?.unsafe<{ statement: string }[]>(
        'select statement from pg_prepared_statements',
        [],
        { prepare: false },
      );
      return (rows ?? []).map((r) => r.statement);
    };
    return { handle, kept };
  }
  const query = (n: number) => sql`select ${n}::int + ${n} as twice, ${sql.raw(String(n))} as shape`;
  const keptOf = (statements: string[], n: number) => statements.filter((s) => s.includes(` as twice, ${n} as shape`));
  const rows = async (handle: DbHandle, n: number) => [
    ...((await handle.db.execute(query(n))) as unknown as Iterable<Record<string, unknown>>),
  ];

  it('prepares a text from its second run on, and answers alike', async () => {
    const { handle, kept } = await open(8);
    const first = await rows(handle, 1);
    expect(keptOf(await kept(), 1)).toHaveLength(0);
    const second = await rows(handle, 1);
    const third = await rows(handle, 1);
    expect(keptOf(await kept(), 1)).toHaveLength(1);
    expect(second).toEqual(first);
    expect(third).toEqual([{ twice: 2, shape: 1 }]);

    // a relational read, the shape every GraphQL request runs
    const page = () => handle.db.query.articles.findMany({ columns: { id: true }, limit: 3 });
    await page();
    await page();
    expect((await kept()).some((s) => s.includes('from "articles"'))).toBe(true);
  });

  it('keeps at most the limit of texts; the rest run unnamed', async () => {
    const { handle, kept } = await open(2);
    for (const n of [11, 12, 13]) for (let i = 0; i < 3; i++) await handle.db.execute(query(n));
    const statements = await kept();
    expect(keptOf(statements, 11)).toHaveLength(1);
    expect(keptOf(statements, 12)).toHaveLength(1);
    expect(keptOf(statements, 13)).toHaveLength(0);
    expect(await rows(handle, 13)).toEqual([{ twice: 26, shape: 13 }]);
  });

  it('a setting that is not a whole number is refused, not taken as no limit', async () => {
    const before = process.env.NEWSGRAPH_PREPARED_STATEMENTS;
    process.env.NEWSGRAPH_PREPARED_STATEMENTS = 'off';
    try {
      await expect(createDb({ url: store.url, poolSize: 1 })).rejects.toThrow(/NEWSGRAPH_PREPARED_STATEMENTS/);
    } finally {
      if (before === undefined) delete process.env.NEWSGRAPH_PREPARED_STATEMENTS;
      else process.env.NEWSGRAPH_PREPARED_STATEMENTS = before;
    }
  });

  it('0 prepares nothing, and statements in a transaction stay unnamed', async () => {
    const off = await open(0);
    for (let i = 0; i < 3; i++) await off.handle.db.execute(query(21));
    expect(keptOf(await off.kept(), 21)).toHaveLength(0);

    const on = await open(8);
    for (let i = 0; i < 3; i++) await on.handle.db.transaction((tx) => tx.execute(query(22)));
    expect(keptOf(await on.kept(), 22)).toHaveLength(0);
  });
});
