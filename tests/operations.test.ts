import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDb } from '@newsgraph/db';
import { demoUrls, revokeApiKey, seedDemo } from '@newsgraph/server';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/cli.js';
import { useDemoStore } from './support/demo.js';
import { engines, openStore } from './support/engines.js';
import { inProcessClient } from './support/graphql.js';
import { keysFor } from './support/keys.js';

const ADD = `mutation ($input: AddCorrectionInput!) { addCorrection(input: $input) {
  __typename ... on AddCorrectionSuccess { correction { id toVersion } } ... on VersionConflictError { currentVersion } } }`;

describe.each(engines)('idempotent writes and demo.keys (%s)', (engine) => {
  const demo = useDemoStore(engine);

  const post = (body: unknown, headers: Record<string, string>) =>
    demo.client.app.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('replays the first response to a retry with the same Idempotency-Key: one write, not two', async () => {
    const article = await demo.client.data<{ article: { id: string; version: number } }>(
      'query ($url: String!) { article(url: $url) { id version } }',
      { url: demoUrls.calderLibrary },
    );
    const body = {
      query: ADD,
      variables: {
        input: {
          articleId: article.article.id,
          expectedVersion: article.article.version,
          kind: 'UPDATE',
          note: 'Hours confirmed.',
        },
      },
    };
    const headers = { ...demo.keys.bearer(demo.keys.editor), 'idempotency-key': 'retry-0001' };
    const first = await post(body, headers);
    const firstText = await first.text();
    const retries = await Promise.all([post(body, headers), post(body, headers)]);
    for (const retry of retries) {
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.text()).toBe(firstText);
    }
    expect(JSON.parse(firstText).data.addCorrection.__typename).toBe('AddCorrectionSuccess');
    const after = await demo.client.data<{ article: { version: number; revisions: unknown[] } }>(
      'query ($url: String!) { article(url: $url) { version revisions { version } } }',
      { url: demoUrls.calderLibrary },
    );
    expect(after.article.version).toBe(article.article.version + 1);
    expect(after.article.revisions).toHaveLength(article.article.version + 1);

    const reused = await post(
      { ...body, variables: { input: { ...body.variables.input, note: 'Something else' } } },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
    // keys are per credential: another key may use the same Idempotency-Key for its own request
    const other = await post(body, { ...demo.keys.bearer(demo.keys.admin), 'idempotency-key': 'retry-0001' });
    expect(
      ((await other.json()) as { data: { addCorrection: { __typename: string } } }).data.addCorrection.__typename,
    ).toBe('VersionConflictError');
    const bad = await post(body, { ...headers, 'idempotency-key': 'x'.repeat(300) });
    expect(bad.status).toBe(400);
  });

  it('Idempotency-Key: no replay to a revoked key, no stored secrets, abandoned claims expire', async () => {
    const { createApiKey } = await import('@newsgraph/server');
    const made = await createApiKey(demo.store.handle.db, { role: 'ADMIN', label: 'idempotent admin' });
    const headers = { ...demo.keys.bearer(made.key), 'idempotency-key': 'mint-0001' };
    const mint = {
      query: `mutation { createApiKey(input: { role: READER, label: "minted" }) {
        __typename ... on CreateApiKeySuccess { key } } }`,
    };
    const first = (await (await post(mint, headers)).json()) as { data: { createApiKey: { key: string } } };
    expect(first.data.createApiKey.key).toMatch(/^ng_r_/);
    const stored = await demo.store.handle.db.execute(
      sql`select count(*)::int as n from idempotency_keys where body like '%ng_r_%'`,
    );
    const rows = (Array.isArray(stored) ? stored : (stored as { rows: { n: number }[] }).rows) as { n: number }[];
    expect(rows[0]?.n).toBe(0);

    // a replayable answer, then the key is revoked: the retry is refused, not replayed
    const read = { query: 'mutation { __typename }' };
    const replayHeaders = { ...demo.keys.bearer(made.key), 'idempotency-key': 'read-0001' };
    expect((await post(read, replayHeaders)).status).toBe(200);
    expect((await post(read, replayHeaders)).headers.get('idempotent-replayed')).toBe('true');
    await revokeApiKey(demo.store.handle.db, made.id);
    const revoked = await post(read, replayHeaders);
    expect(revoked.headers.get('idempotent-replayed')).toBeNull();
    expect(revoked.status).toBe(401);

    // a claim left pending by a process that died frees its key after two minutes
    const editorHeaders = { ...demo.keys.bearer(demo.keys.editor), 'idempotency-key': 'stuck-0001' };
    expect((await post(read, editorHeaders)).status).toBe(200);
    await demo.store.handle.db.execute(
      sql`update idempotency_keys set completed_at = null, body = null, created_at = now() - interval '3 minutes' where key = 'stuck-0001'`,
    );
    const again = await post(read, editorHeaders);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a revoked key fails on the very next request', async () => {
    const { createApiKey } = await import('@newsgraph/server');
    const made = await createApiKey(demo.store.handle.db, { role: 'EDITOR', label: 'soon revoked' });
    const ok = await demo.client.request('{ articles(first: 1) { totalCount } }', {}, demo.keys.bearer(made.key));
    expect(ok.errors).toBeUndefined();
    expect(await revokeApiKey(demo.store.handle.db, made.id)).toBe(1);
    const after = await demo.client.request('{ articles(first: 1) { totalCount } }', {}, demo.keys.bearer(made.key));
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.runIf(engine === 'postgres')('a database dump holds no plaintext key', async () => {
    const { key } = await (await import('@newsgraph/server')).createApiKey(demo.store.handle.db, {
      role: 'ADMIN',
      label: 'dumped',
    });
    const { stdout } = await promisify(execFile)('pg_dump', ['--data-only', '--table=api_keys', demo.store.url ?? ''], {
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout).toContain('dumped');
    expect(stdout).not.toContain(key);
    expect(stdout).not.toContain(key.slice(12));
  });

  it.runIf(engine === 'postgres')(
    'a statement stuck in the database is cancelled at the statement timeout and frees its connection',
    async () => {
      const handle = await createDb({ url: demo.store.url, statementTimeoutMs: 300, poolSize: 1 });
      try {
        const started = Date.now();
        await expect(handle.db.execute(sql`select pg_sleep(5)`)).rejects.toThrow();
        const took = Date.now() - started;
        console.log(`[operations] pg_sleep(5) cancelled after ${took} ms`);
        expect(took).toBeLessThan(3000);
        // the single pooled connection is usable again
        const rows = await handle.db.execute(sql`select 1 as one`);
        expect(JSON.stringify(rows)).toContain('1');
      } finally {
        await handle.close();
      }
    },
  );
});

describe('graceful shutdown', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-stop-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('SIGTERM under load: in-flight requests finish, new ones are refused, exit code 0', async () => {
    const server = await startServer({ NEWSGRAPH_DATA_DIR: dataDir });
    const query = JSON.stringify({
      query: '{ articles(first: 20) { totalCount edges { node { title provenance { depth } } } } }',
    });
    const send = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: query,
      }).then(
        async (r) => ({ status: r.status, ok: r.ok && !(await r.text()).includes('"errors"') }),
        () => ({ status: 0, ok: false }),
      );
    const inFlight = Array.from({ length: 40 }, send);
    // let the server accept them before the signal
    await new Promise((r) => setTimeout(r, 40));
    const exit = server.stop();
    const results = await Promise.all(inFlight);
    const code = await exit;
    const late = await send();
    const served = results.filter((r) => r.ok).length;
    const refused = results.filter((r) => r.status === 0 || r.status === 503).length;
    console.log(`[operations] SIGTERM with 40 in flight: ${served} served, ${refused} refused`);
    expect(code).toBe(0);
    expect(served).toBeGreaterThan(0);
    expect(served + refused).toBe(40);
    expect(results.some((r) => r.status >= 500 && r.status !== 503)).toBe(false);
    expect(late.status).toBe(0);
  });
});

describe.runIf(engines.includes('postgres'))('read replicas (postgres)', () => {
  it('sends query reads to a replica and keeps a mutation’s reads on the primary', async () => {
    // two separate databases stand in for a primary and a (lagging) replica: the replica lacks the
    // primary's newest article, so where each answer came from is visible
    const primary = await openStore('postgres');
    const replica = await openStore('postgres');
    try {
      await seedDemo(primary.handle.db);
      await seedDemo(replica.handle.db);
      const handle = await createDb({ url: primary.url, replicaUrls: [replica.url ?? ''] });
      try {
        const keys = await keysFor(handle);
        const client = inProcessClient(handle);
        const created = await client.request<{ createArticle: { __typename: string; article?: { title: string } } }>(
          `mutation { createArticle(input: { url: "https://replica.example/new", title: "Only On The Primary", body: "Text." }) {
            __typename ... on CreateArticleSuccess { article { title } } } }`,
          {},
          keys.bearer(keys.editor),
        );
        // the mutation read its own write back from the primary
        expect(created.data?.createArticle).toEqual({
          __typename: 'CreateArticleSuccess',
          article: { title: 'Only On The Primary' },
        });
        const read = await client.data<{ articles: { totalCount: number }; article: null }>(
          '{ articles { totalCount } article(url: "https://replica.example/new") { title } }',
        );
        // the query was answered by the replica, which has not got it yet
        expect(read).toEqual({ articles: { totalCount: 10 }, article: null });
      } finally {
        await handle.close();
      }
    } finally {
      await Promise.all([primary.close(), replica.close()]);
    }
  });
});
