import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/cli.js';
import { engines, openStore, type Store } from '../support/engines.js';

// These tests hurt the database on purpose, so they run on their own (vitest project "faults"),
// after everything else, against the real Postgres only.
const cluster = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql')[0] : undefined;
const canStopPostgres = Boolean(cluster) && process.getuid?.() === 0;

interface Outcome {
  at: number;
  ms: number;
  ok: boolean;
  status: number;
  message?: string;
}

/** Fires `rps` requests per second for `seconds`, recording each outcome. */
async function load(url: string, rps: number, seconds: number, query: string): Promise<Outcome[]> {
  const start = Date.now();
  const outcomes: Promise<Outcome>[] = [];
  for (let i = 0; i < rps * seconds; i++) {
    const due = start + (i * 1000) / rps;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const sent = Date.now();
    outcomes.push(
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(30_000),
      }).then(
        async (r) => {
          const body = (await r.json().catch(() => ({}))) as { errors?: { message: string }[] };
          return {
            at: sent - start,
            ms: Date.now() - sent,
            ok: r.ok && !body.errors,
            status: r.status,
            message: body.errors?.[0]?.message,
          };
        },
        (e: Error) => ({ at: sent - start, ms: Date.now() - sent, ok: false, status: 0, message: e.message }),
      ),
    );
  }
  return Promise.all(outcomes);
}

describe.runIf(engines.includes('postgres'))('faults (postgres)', () => {
  let store: Store;
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    store = await openStore('postgres');
    server = await startServer({ DATABASE_URL: store.url, NEWSGRAPH_RATE_LIMIT_PER_IP: '1000000' });
    const { seedDemo } = await import('@newsgraph/server');
    await seedDemo(store.handle.db);
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });

  it('pg_terminate_backend on every server connection under 100 rps: clean errors, no hang, recovery < 2 s', async () => {
    const admin = postgres(store.url ?? '', { max: 1, onnotice: () => {} });
    const startedAt = Date.now();
    const running = load(
      server.url,
      100,
      4,
      '{ articles(first: 10) { totalCount edges { node { title publisher { name } } } } }',
    );
    await new Promise((r) => setTimeout(r, 1500));
    const killedAt = Date.now();
    const killed = await admin`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where datname = current_database() and application_name = 'newsgraph' and pid <> pg_backend_pid()`;
    await admin.end();
    const outcomes = await running;
    const killOffset = killedAt - startedAt;
    const failed = outcomes.filter((o) => !o.ok);
    const firstOkAfter = outcomes.filter((o) => o.ok && o.at > killOffset).sort((a, b) => a.at - b.at)[0];
    const recoveryMs = firstOkAfter ? firstOkAfter.at - killOffset : Number.POSITIVE_INFINITY;
    const slowest = Math.max(...outcomes.map((o) => o.ms));
    console.log(
      `[faults] terminated ${killed[0]?.n} connections under 100 rps: ${outcomes.length} requests, ${failed.length} failed (${[...new Set(failed.map((f) => `${f.status} ${f.message}`))].join('; ')}), recovery ${recoveryMs} ms, slowest ${slowest} ms`,
    );
    expect(killed[0]?.n).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.status !== 0)).toBe(true);
    expect(failed.every((f) => f.status < 500 && f.message === 'Unexpected error.')).toBe(true);
    expect(slowest).toBeLessThan(20_000);
    expect(recoveryMs).toBeLessThan(2000);
    expect(outcomes.slice(-50).every((o) => o.ok)).toBe(true);
  });

  it.runIf(canStopPostgres)('Postgres stopped for 5 s: /readyz fails, then recovers by itself', async () => {
    const ready = async () =>
      (await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status ?? 0;
    expect(await ready()).toBe(200);
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster ?? '', 'main', 'stop', '-m', 'fast']);
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const during = await ready();
      expect(during).not.toBe(200);
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster ?? '', 'main', 'start']);
    }
    const restarted = Date.now();
    let status = 0;
    while (Date.now() - restarted < 20_000) {
      status = await ready();
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`[faults] Postgres down 5 s: /readyz back to ${status} ${Date.now() - restarted} ms after restart`);
    expect(status).toBe(200);
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ articles { totalCount } }' }),
    });
    expect(((await answer.json()) as { data: { articles: { totalCount: number } } }).data.articles.totalCount).toBe(10);
  });
});
