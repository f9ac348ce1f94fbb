import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_QUERY } from '@newsgraph/server';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, startServer } from './support/cli.js';

describe('the newsgraph CLI on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrate applies every migration once; a second run applies nothing', async () => {
    const first = await runCli(['migrate'], { NEWSGRAPH_DATA_DIR: dataDir });
    expect(first.stdout).toMatch(/newsgraph: [1-9]\d* migration\(s\) applied/);
    const second = await runCli(['migrate'], { NEWSGRAPH_DATA_DIR: dataDir });
    expect(second.stdout).toMatch(/newsgraph: 0 migration\(s\) applied/);
  });

  it('serve fills the empty store with the demo corpus and answers the GraphiQL example query', async () => {
    const server = await startServer({ NEWSGRAPH_DATA_DIR: dataDir });
    try {
      expect(server.output()).toMatch(/loaded the demo corpus \(10 articles\)/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      // the explorer when it is built (pnpm start builds it), GraphiQL otherwise
      const root = await fetch(`${server.url}/`, { redirect: 'manual' });
      if (root.status === 302) expect(root.headers.get('location')).toBe('/graphql');
      else expect(root.headers.get('content-type')).toMatch(/^text\/html/);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXAMPLE_QUERY }),
      });
      const body = (await response.json()) as {
        data: { articles: { totalCount: number; edges: { node: { title: string; attributions: unknown[] } }[] } };
      };
      expect(body.data.articles.totalCount).toBe(10);
      expect(body.data.articles.edges).toHaveLength(3);
      expect(body.data.articles.edges[0]?.node.title).toBe('Valdren Port Authority Delays Decision on Night Shifts');
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // a second start finds the data and does not load the corpus again
    const again = await startServer({ NEWSGRAPH_DATA_DIR: dataDir });
    try {
      expect(again.output()).not.toMatch(/loaded the demo corpus/);
    } finally {
      await again.stop();
    }
  });

  it('keys create prints the key alone on the last line; list never shows it; revoke ends it; audit lists it all', async () => {
    const env = { NEWSGRAPH_DATA_DIR: dataDir };
    const created = await runCli(['keys', 'create', '--role', 'editor', '--label', 'night desk'], env);
    const lines = created.stdout.trim().split('\n');
    const key = lines.at(-1) ?? '';
    expect(key).toMatch(/^ng_e_[A-Za-z0-9_-]{43}$/);
    const listed = await runCli(['keys', 'list'], env);
    expect(listed.stdout).toContain('night desk');
    expect(listed.stdout).not.toContain(key);
    expect(listed.stdout).toMatch(/EDITOR\s+active/);
    const prefix = key.slice(0, 10);
    expect((await runCli(['keys', 'revoke', prefix], env)).stdout).toMatch(/revoked 1 key/);
    expect((await runCli(['keys', 'list'], env)).stdout).toMatch(/night desk/);
    expect((await runCli(['keys', 'list'], env)).stdout).toMatch(/revoked \d{4}-/);
    const audit = await runCli(['audit'], env);
    const actions = audit.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(/\s{2,}/)[2]);
    // newest first
    expect(actions.slice(0, 2)).toEqual(['keys.revoke', 'keys.create']);
    await expect(runCli(['keys', 'create', '--role', 'root', '--label', 'x'], env)).rejects.toMatchObject({ code: 1 });
  });

  it('runs from the sources through tsx when asked not to use the bundle, with the same answers', async () => {
    const env = { NEWSGRAPH_DATA_DIR: dataDir };
    const fromBundle = await runCli(['keys', 'list'], env);
    const fromSources = await runCli(['keys', 'list'], { ...env, NEWSGRAPH_NO_BUNDLE: '1' });
    expect(fromSources.stdout).toBe(fromBundle.stdout);
    expect(fromSources.stderr).toBe('');
  });

  it('rebuilds the server bundle when it is older than the sources', async () => {
    const bundle = join(repoRoot, 'node_modules/.cache/newsgraph/server.mjs');
    await runCli(['help'], {});
    expect(existsSync(bundle)).toBe(true);
    utimesSync(bundle, new Date(2000, 0, 1), new Date(2000, 0, 1));
    await runCli(['help'], {});
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 120_000);
  });

  it('rejects an unknown command with usage and a non-zero exit', async () => {
    await expect(runCli(['frobnicate'], { NEWSGRAPH_DATA_DIR: dataDir })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('unknown command'),
    });
  });
});
