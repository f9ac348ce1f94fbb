import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appliedMigrations, migrate, migrationsFolder } from '@newsgraph/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openStore, type Store } from './support/engines.js';

const rows = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);

/** Applies the committed migrations named before `until` only: the store as an older release left it. */
async function migrateUntil(store: Store, until: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'newsgraph-migrations-'));
  try {
    for (const name of readdirSync(migrationsFolder).filter((n) => n < until)) {
      cpSync(join(migrationsFolder, name), join(folder, name), { recursive: true });
    }
    const { migrate: run } =
      store.engine === 'pglite'
        ? await import('drizzle-orm/pglite/migrator')
        : await import('drizzle-orm/postgres-js/migrator');
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
    await run(store.handle.db as any, { migrationsFolder: folder });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

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

  it("marks as the parser's only the references an import stored with its article", async () => {
    const older = await openStore(engine, { migrate: false });
    try {
      await migrateUntil(older, '20261127081435');
      const db = older.handle.db;
      const article = (n: number, hash: string | null) =>
        sql`insert into articles (id, url, title, title_key, body, content_hash) values
          (${`00000000-0000-4000-8000-00000000000${n}`}, ${`https://x.example/${n}`}, 'A', 'a', 'text', ${hash})`;
      const reference = (n: number, kind: string, by: string) =>
        sql`insert into cross_references (from_id, kind, target_url, created_by) values
          (${`00000000-0000-4000-8000-00000000000${n}`}, ${kind}, 'https://x.example/elsewhere', ${by})`;
      // 1: an import (content hash), its reference in the same transaction; an editor's added later
      await db.transaction(async (tx) => {
        await tx.execute(article(1, 'hash'));
        await tx.execute(reference(1, 'CITES', 'cli'));
      });
      await db.execute(sql`insert into cross_references (from_id, kind, target_url, created_by, created_at) values
        ('00000000-0000-4000-8000-000000000001', 'RELATED', 'https://x.example/e', 'test editor', now() + interval '1 second')`);
      // 2: createArticle (audited as such), revised by an import since, so it has a content hash
      await db.transaction(async (tx) => {
        await tx.execute(article(2, 'hash'));
        await tx.execute(reference(2, 'RE_REPORTS', 'test editor'));
        await tx.execute(sql`insert into audit_log (actor, action, input, outcome) values
          ('test editor', 'createArticle', '{}'::jsonb, '{"articleId": "00000000-0000-4000-8000-000000000002"}'::jsonb)`);
      });
      // 3: the demo seed, 4: an article stored before imports kept a content hash
      for (const n of [3, 4]) {
        await db.transaction(async (tx) => {
          await tx.execute(article(n, null));
          await tx.execute(reference(n, 'CITES', n === 3 ? 'demo' : 'cli'));
        });
      }

      await migrate(older.handle);
      const marked = rows<{ url: string; kind: string; asserted_by: string }>(
        await db.execute(sql`select a.url, r.kind, r.asserted_by from cross_references r
          join articles a on a.id = r.from_id order by a.url, r.kind`),
      );
      expect(marked).toEqual([
        { url: 'https://x.example/1', kind: 'CITES', asserted_by: 'PARSER' },
        { url: 'https://x.example/1', kind: 'RELATED', asserted_by: 'EDITOR' },
        { url: 'https://x.example/2', kind: 'RE_REPORTS', asserted_by: 'EDITOR' },
        { url: 'https://x.example/3', kind: 'CITES', asserted_by: 'EDITOR' },
        { url: 'https://x.example/4', kind: 'CITES', asserted_by: 'EDITOR' },
      ]);
    } finally {
      await older.close();
    }
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
