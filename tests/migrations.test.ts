import { appliedMigrations, migrate } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openStore, type Store } from './support/engines.js';

const rows = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);

describe.each(engines)('migrations (%s)', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(engine, { migrate: false });
  });
  afterAll(() => store?.close());

  it('apply from zero, then a second run applies nothing', async () => {
    await migrate(store.handle);
    const first = await appliedMigrations(store.handle);
    expect(first.length).toBeGreaterThanOrEqual(2);
    const tables = rows<{ table_name: string }>(
      await store.handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      ),
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'api_keys',
        'article_revisions',
        'articles',
        'attributions',
        'corrections',
        'cross_references',
        'sources',
      ]),
    );
    await migrate(store.handle);
    expect(await appliedMigrations(store.handle)).toEqual(first);
  });

  it('creates the indexes the read API relies on', async () => {
    const indexes = rows<{ indexname: string; indexdef: string }>(
      await store.handle.db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = 'public'`),
    );
    const byName = new Map(indexes.map((i) => [i.indexname, i.indexdef]));
    expect(byName.get('articles_search_idx')).toMatch(/USING gin \(search\)/);
    expect(byName.get('cross_references_from_idx')).toMatch(/\(from_id, id\)/);
    expect(byName.get('cross_references_target_idx')).toMatch(/\(target_id, id\)/);
    expect(byName.get('attributions_source_idx')).toMatch(/\(source_id, role, id\)/);
    expect(byName.get('attributions_article_idx')).toMatch(/\(article_id, id\)/);
    expect([...byName.values()].some((d) => /UNIQUE INDEX .* ON public\.articles .*\(url\)/.test(d))).toBe(true);
  });

  it('keeps revisions and corrections append-only, enforced by the database', async () => {
    const db = store.handle.db;
    await db.execute(sql`insert into articles (id, url, title, title_key, body) values
      ('00000000-0000-4000-8000-000000000001', 'https://x.example/a', 'A', 'a', 'text')`);
    await db.execute(sql`insert into article_revisions (article_id, version, title, body) values
      ('00000000-0000-4000-8000-000000000001', 1, 'A', 'text')`);
    await expect(db.execute(sql`update article_revisions set title = 'B'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from article_revisions`)).rejects.toThrow();
    await db.execute(sql`insert into corrections (article_id, kind, note, created_by, from_version, to_version) values
      ('00000000-0000-4000-8000-000000000001', 'CORRECTION', 'n', 'test', 1, 2)`);
    await expect(db.execute(sql`delete from corrections`)).rejects.toThrow();
    const count = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from article_revisions`));
    expect(count[0]?.n).toBe(1);
  });

  it('keeps the search vector in step with title and body', async () => {
    const db = store.handle.db;
    const hit = rows<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from articles where search @@ websearch_to_tsquery('english', 'texts')`,
      ),
    );
    expect(hit[0]?.n).toBe(1);
  });
});
