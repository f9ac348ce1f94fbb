import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/cli.js';
import { engines, openStore, type Store } from '../support/engines.js';
import { keysFor } from '../support/keys.js';

// Quick in CI (60 s); `NEWSGRAPH_SOAK_MINUTES=30 pnpm vitest run --project faults` for a long run.
const SECONDS = Math.round(Number(process.env.NEWSGRAPH_SOAK_MINUTES ?? 1) * 60);
const WRITERS = 20;
const READERS = 8;
const ARTICLES = 10;

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows: T[] }).rows ?? []));

describe.runIf(engines.includes('postgres'))(
  `soak: ${WRITERS} editors and ${READERS} readers for ${SECONDS} s (postgres)`,
  () => {
    let store: Store;
    let server: Awaited<ReturnType<typeof startServer>>;
    let editorKey: string;
    const ids: string[] = [];

    beforeAll(async () => {
      store = await openStore('postgres');
      const { seedDemo } = await import('@newsgraph/server');
      await seedDemo(store.handle.db);
      editorKey = (await keysFor(store.handle)).editor;
      server = await startServer({
        DATABASE_URL: store.url,
        NEWSGRAPH_RATE_LIMIT_PER_IP: '100000000',
        NEWSGRAPH_RATE_LIMIT_PER_KEY: '100000000',
        NEWSGRAPH_LOG_LEVEL: 'warn',
      });
      const list = (await (
        await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ articles(first: ${ARTICLES}) { edges { node { id } } } }` }),
        })
      ).json()) as { data: { articles: { edges: { node: { id: string } }[] } } };
      ids.push(...list.data.articles.edges.map((e) => e.node.id));
    });
    afterAll(async () => {
      await server?.stop();
      await store?.close();
    });

    it('loses no write, doubles no write, answers every request, and holds its memory', async () => {
      const gql = async (query: string, variables: unknown, key?: string) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
        if (response.status >= 500 || body.errors) throw new Error(`${response.status} ${JSON.stringify(body.errors)}`);
        return body.data as Record<string, Record<string, unknown>>;
      };

      const until = Date.now() + SECONDS * 1000;
      const acknowledged: { articleId: string; correctionId: string; toVersion: number }[] = [];
      const errors: string[] = [];
      let conflicts = 0;
      let reads = 0;
      const rss: { t: number; mb: number }[] = [];
      const pid = server.process.pid ?? 0;
      const sampler = setInterval(() => rss.push({ t: Date.now(), mb: rssMb(pid) }), 2000);

      const writer = async (w: number) => {
        let n = 0;
        while (Date.now() < until) {
          const articleId = ids[(w + n) % ids.length] as string;
          n++;
          try {
            // read the version, then correct from it; on conflict, re-read and retry
            for (let attempt = 0; attempt < 20 && Date.now() < until; attempt++) {
              const read = await gql('query ($id: ID!) { article(id: $id) { version } }', { id: articleId });
              const version = (read.article as { version: number }).version;
              const result = (
                await gql(
                  `mutation ($input: AddCorrectionInput!) { addCorrection(input: $input) { __typename
                  ... on AddCorrectionSuccess { correction { id toVersion } } ... on VersionConflictError { currentVersion } } }`,
                  { input: { articleId, expectedVersion: version, kind: 'UPDATE', note: `writer ${w} edit ${n}` } },
                  editorKey,
                )
              ).addCorrection as { __typename: string; correction?: { id: string; toVersion: number } };
              if (result.__typename === 'AddCorrectionSuccess' && result.correction) {
                acknowledged.push({
                  articleId,
                  correctionId: result.correction.id,
                  toVersion: result.correction.toVersion,
                });
                break;
              }
              if (result.__typename !== 'VersionConflictError') throw new Error(`unexpected ${result.__typename}`);
              conflicts++;
            }
          } catch (error) {
            errors.push(String(error));
          }
        }
      };
      const reader = async () => {
        while (Date.now() < until) {
          try {
            await gql(
              '{ articles(first: 20) { totalCount edges { node { title version publisher { name } citedBy { totalCount } corrections { kind } } } } searchArticles(query: "port") { totalCount } }',
              {},
            );
            reads++;
          } catch (error) {
            errors.push(String(error));
          }
        }
      };
      await Promise.all([
        ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
        ...Array.from({ length: READERS }, reader),
      ]);
      clearInterval(sampler);

      // what the database holds now, per article
      const db = store.handle.db;
      const revisions = rows<{ article_id: string; versions: number[]; version: number }>(
        await db.execute(sql`select a.id as article_id, a.version, array_agg(r.version order by r.version) as versions
        from articles a join article_revisions r on r.article_id = a.id group by a.id, a.version`),
      );
      const corrections = rows<{ id: string; note: string }>(
        await db.execute(sql`select id, note from corrections where note like 'writer %'`),
      );
      const audits = rows<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from audit_log where action = 'addCorrection'`),
      );

      // warm-up is the first half: the heap grows to its working size under this load (a server that
      // starts small, as it now does, takes longer to get there); a leak keeps growing in the second half
      const warm = rss.filter((s) => s.t > (rss[0]?.t ?? 0) + (SECONDS * 1000) / 2);
      // medians of the first and last five samples after warm-up: one sample can sit in a GC trough or
      // on a peak, so single samples make the comparison a coin toss; a leak moves the medians
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
      const base = median(warm.slice(0, 5).map((s) => s.mb));
      const peak = Math.max(...warm.map((s) => s.mb));
      const last = median(warm.slice(-5).map((s) => s.mb));
      console.log(
        `[soak] ${SECONDS} s: ${acknowledged.length} corrections acknowledged, ${conflicts} conflicts retried, ${reads} read pages, ${errors.length} errors; RSS after warm-up ${base.toFixed(0)} → ${last.toFixed(0)} MB (peak ${peak.toFixed(0)}); samples ${rss.map((x) => x.mb.toFixed(0)).join(' ')}`,
      );
      expect(errors).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(WRITERS);
      // every acknowledged correction is stored exactly once, and nothing unacknowledged is
      const stored = new Set(corrections.map((c) => c.id));
      expect(stored.size).toBe(corrections.length);
      const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
      expect(new Set(acknowledged.map((a) => uuidOf(a.correctionId)))).toEqual(stored);
      // versions are contiguous: 1..version, one revision each
      for (const r of revisions) expect(r.versions).toEqual(Array.from({ length: r.version }, (_, i) => i + 1));
      const newRevisions = revisions.reduce((n, r) => n + r.versions.length, 0) - revisions.length;
      // successful corrections = new revisions (+1 for the demo's own seeded correction) = audit rows
      expect(newRevisions).toBe(acknowledged.length + 1);
      expect(audits[0]?.n).toBe(acknowledged.length);
      expect((last - base) / base).toBeLessThan(0.1);
    });
  },
);
