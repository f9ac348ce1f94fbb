/**
 * Creates the bench database, migrates it with the project's migrations, and fills it with the
 * generated corpus through COPY. A loaded database is reused while its size, seed and corpus
 * version match (bench_meta), so repeated runs skip the load.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDb, migrate } from '@newsgraph/db';
import postgres from 'postgres';
import { attributionsOf, type Corpus, generate, type Size, titleKey } from './corpus.js';

const CORPUS_VERSION = 4;

export function adminUrl(base: string): string {
  const u = new URL(base);
  u.pathname = '/postgres';
  return u.toString();
}

export function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The Postgres server the bench uses (BENCH_DATABASE_URL) and its database's name (BENCH_DATABASE). */
export const BENCH_BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DB_NAME = process.env.BENCH_DATABASE ?? 'newsgraph_bench';

const esc = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};
const line = (values: unknown[]) => `${values.map(esc).join('\t')}\n`;

async function copy(sql: postgres.Sql, table: string, columns: string[], rows: Iterable<unknown[]>) {
  const target = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
  async function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += line(row);
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), target);
}

export interface LoadResult {
  corpus: Corpus;
  url: string;
  loaded: boolean;
  seconds: number;
}

export async function ensureLoaded(baseUrl: string, dbName: string, size: Size, force = false): Promise<LoadResult> {
  const corpus = generate(size);
  const url = dbUrl(baseUrl, dbName);
  const admin = postgres(adminUrl(baseUrl), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${dbName}`;
    if (exists && !force) {
      const check = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [meta] = await check`select size, seed, version from bench_meta`.catch(() => [] as postgres.Row[]);
        if (meta && meta.size === size && Number(meta.seed) === corpus.seed && meta.version === CORPUS_VERSION) {
          // a later migration (a new index) still has to reach a reused database
          const handle = await createDb({ url, poolSize: 1 });
          await migrate(handle);
          await handle.close();
          return { corpus, url, loaded: false, seconds: 0 };
        }
      } finally {
        await check.end();
      }
    }
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.unsafe(`create database ${dbName}`);
  } finally {
    await admin.end();
  }

  const started = performance.now();
  const handle = await createDb({ url, poolSize: 1 });
  await migrate(handle);
  await handle.close();

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await copy(
      sql,
      'sources',
      ['id', 'kind', 'name', 'domain', 'relayed_by_id', 'created_at'],
      corpus.sources.map((s) => [s.id, s.kind, s.name, s.domain, s.relayedById, '2019-12-01T00:00:00Z']),
    );
    const { articles } = corpus;
    await copy(
      sql,
      'articles',
      [
        'id',
        'url',
        'title',
        'title_key',
        'published_at',
        'updated_at',
        'language',
        'body',
        'publisher_id',
        'version',
        'status',
        'created_at',
      ],
      (function* () {
        for (const a of articles) {
          yield [
            a.id,
            a.url,
            a.title,
            titleKey(a.title),
            a.publishedAt,
            a.createdAt,
            'en',
            corpus.body(a.i),
            a.publisherId,
            a.corrected ? 2 : 1,
            a.corrected ? 'CORRECTED' : 'PUBLISHED',
            a.createdAt,
          ];
        }
      })(),
    );
    await copy(
      sql,
      'attributions',
      ['id', 'article_id', 'source_id', 'role', 'via_id', 'evidence', 'paragraph_index', 'asserted_by', 'created_at'],
      (function* () {
        for (const a of articles) {
          for (const t of attributionsOf(corpus, a)) {
            yield [t.id, a.id, t.sourceId, t.role, t.viaId, t.evidence, t.paragraphIndex, 'PARSER', a.createdAt];
          }
        }
      })(),
    );
    await copy(
      sql,
      'cross_references',
      [
        'id',
        'from_id',
        'target_id',
        'kind',
        'anchor_text',
        'paragraph_index',
        'target_url',
        'created_at',
        'created_by',
        'removed_at',
        'removed_by',
      ],
      corpus.refs.map((x) => [
        x.id,
        x.fromId,
        x.targetId,
        x.kind,
        x.anchorText,
        x.paragraphIndex,
        x.targetUrl,
        x.createdAt,
        'bench',
        x.removedAt,
        x.removedAt ? 'bench' : null,
      ]),
    );
    // corrections (5%): one each, version 1 → 2, with the revision it made; every article has version 1
    const correctionIds = new Map<string, string>();
    await copy(
      sql,
      'corrections',
      ['id', 'article_id', 'kind', 'note', 'created_at', 'created_by', 'asserted_by', 'from_version', 'to_version'],
      (function* () {
        for (const a of articles) {
          if (!a.corrected) continue;
          const id = `${a.id.slice(0, 24)}${(a.i + 0xc0000000).toString(16).slice(-8)}${a.id.slice(32)}`;
          correctionIds.set(a.id, id);
          const kind = a.i % 10 === 0 ? 'RETRACTION' : a.i % 3 === 0 ? 'CLARIFICATION' : 'CORRECTION';
          yield [
            id,
            a.id,
            kind,
            `An earlier version of this article misstated a figure (${a.i}).`,
            new Date(a.createdAt.getTime() + 2 * 86_400_000),
            'bench',
            'EDITOR',
            1,
            2,
          ];
        }
      })(),
    );
    await copy(
      sql,
      'article_revisions',
      ['article_id', 'version', 'title', 'body', 'published_at', 'created_at', 'correction_id'],
      (function* () {
        for (const a of articles) {
          const body = corpus.body(a.i);
          yield [a.id, 1, a.title, body, a.publishedAt, a.createdAt, null];
          const correction = correctionIds.get(a.id);
          if (correction) {
            yield [a.id, 2, a.title, body, a.publishedAt, new Date(a.createdAt.getTime() + 2 * 86_400_000), correction];
          }
        }
      })(),
    );
    await sql`update articles set status = 'RETRACTED' where id in (select article_id from corrections where kind = 'RETRACTION')`;
    await sql.unsafe('vacuum analyze');
    await sql`create table if not exists bench_meta (size text not null, seed bigint not null, version int not null)`;
    await sql`delete from bench_meta`;
    await sql`insert into bench_meta values (${size}, ${corpus.seed}, ${CORPUS_VERSION})`;
  } finally {
    await sql.end();
  }
  return { corpus, url, loaded: true, seconds: (performance.now() - started) / 1000 };
}
